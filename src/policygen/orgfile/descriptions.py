"""What each key of the organisation file means, in French, for the editor.

The JSON Schema (`jsonschema.py`) shows these as each key's title and
description when the file is completed or hovered in an editor; a test fails
when a key of the schema has none, so a new key is described when it is added.
Keys are « Class.field » of `schema.py`, since a class serves several places
(the three contacts, the approvals).
"""

from __future__ import annotations

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    # The file's sections.
    "OrganisationFile.organisation": ("Organisme", "Qui est l’organisme : noms, genre, type, mission."),
    "OrganisationFile.personnes_visees": (
        "Personnes visées", "Les catégories de personnes que la politique vise, chacune avec son régime "
        "(employeur, administrateur, membre, professionnel_independant, etudiant, benevole, stagiaire, public). "
        "Vide : celles d’usage pour le type "
        "d’organisme."),
    "OrganisationFile.vocabulaire": ("Vocabulaire", "Les mots propres à l’organisme (personnes desservies, "
                                     "membres, instance des plaintes, profession)."),
    "OrganisationFile.roles": ("Rôles", "Qui gère les comptes, approuve les publications et modère les pages."),
    "OrganisationFile.plateformes": ("Plateformes", "Les plateformes où l’organisme a des comptes."),
    "OrganisationFile.moderation": ("Modération", "Les jours et les heures où les pages sont modérées."),
    "OrganisationFile.netiquette": ("Nétiquette", "Les choix de la nétiquette publique."),
    "OrganisationFile.contacts": ("Coordonnées", "Les trois contacts que les documents donnent."),
    "OrganisationFile.sanctions": ("Mesures", "Les mesures possibles en cas de manquement."),
    "OrganisationFile.choix": ("Choix", "Les règles sur lesquelles les sources diffèrent : l’organisme choisit."),
    "OrganisationFile.fondements": ("Fondements", "Les lois et les documents internes sur lesquels la "
                                    "politique s’appuie."),
    "OrganisationFile.partage_fichiers": ("Partage de fichiers", "Les outils de partage permis et interdits."),
    "OrganisationFile.revision": ("Révision", "La version produite : numéro, date, approbation, historique."),
    "OrganisationFile.annexes": ("Annexes", "Le contenu des annexes de la politique."),
    "OrganisationFile.ligne_editoriale": ("Ligne éditoriale", "Les sujets et les publics des publications "
                                          "officielles (facultatif)."),
    # organisation
    "Organisation.nom": ("Nom officiel", "Le nom officiel, tel qu’il figure en titre des documents."),
    "Organisation.nom_court": ("Nom court", "Le nom tel qu’il s’écrit dans une phrase (sigle ou nom abrégé) : "
                               "« CISSS des Laurentides », « OCQ »."),
    "Organisation.genre": ("Genre du nom court", "masculin ou féminin : « le CISSS », « la Fondation »."),
    "Organisation.nombre": ("Nombre du nom court", "singulier ou pluriel : « les Services… »."),
    "Organisation.appellation": ("Appellation", "Le mot qui désigne l’organisme après sa première mention : "
                                 "« Ordre », « Collège », « Institut »."),
    "Organisation.appellation_genre": ("Genre de l’appellation", "masculin ou féminin."),
    "Organisation.langues_publication": ("Langues de publication", "Les langues dans lesquelles les comptes "
                                         "officiels publient : [français] (défaut), [français, anglais] pour un "
                                         "établissement qui sert aussi une population anglophone. Les langues des "
                                         "commentaires acceptés sont dans netiquette.langues."),
    "Organisation.article": ("Article du nom court", "non pour un nom qui ne prend jamais d’article (une "
                             "marque, bien des organismes communautaires) : « de Kinatex », « à Tel-jeunes », "
                             "jamais « du Kinatex ». oui par défaut."),
    "Organisation.appellation_article": ("Article de l’appellation", "non pour une appellation sans article "
                                         "(« Tel-jeunes ») ; oui par défaut (« l’Ordre »)."),
    "Organisation.type": ("Type d’organisme", "etablissement_sante, ordre_professionnel ou autre (fondation, "
                          "organisme régional, clinique privée)."),
    "Organisation.secteur": ("Secteur", "public ou prive : il détermine la loi sur l’accès et la protection "
                             "des renseignements personnels qui s’applique."),
    "Organisation.mission": ("Mission", "La mission, en une ou deux phrases."),
    "Organisation.valeurs": ("Valeurs", "Les valeurs de l’organisme, une par ligne."),
    "Organisation.site_web": ("Site Web", "L’adresse du site, commençant par « https:// »."),
    "Organisation.sante_quebec": ("Établissement de Santé Québec", "oui : l’établissement fait partie de Santé "
                                  "Québec (employeur de son personnel, organisme public visé par la loi sur "
                                  "l’accès) ; non : établissement privé ou hors de Santé Québec."),
    "Organisation.residence_privee_aines": ("Résidence privée pour aînés", "oui : une résidence privée pour aînés "
                                            "certifiée ; le tableau de conformité lui donne les motifs qui lui sont "
                                            "propres (plaintes au commissaire local, politique de lutte contre la "
                                            "maltraitance)."),
    "Organisation.loi_renseignements_sante": ("Soumis à la Loi sur les renseignements de santé", "oui : "
                                              "l’organisme est un organisme du secteur de la santé et des services "
                                              "sociaux au sens de l’article 4 de la Loi sur les renseignements de santé "
                                              "et de services sociaux et de ses annexes ; non : il ne l’est pas ; "
                                              "« (à confirmer) » tant que le contentieux n’a pas tranché."),
    "Organisation.region": ("Région", "La région desservie, s’il y a lieu."),
    "Organisation.profession": ("Profession (ancienne clé)", "Remplacée par vocabulaire.profession."),
    "Organisation.membres_nombre": ("Nombre de membres", "Le nombre approximatif de membres d’un ordre."),
    "Organisation.membres_appellation": ("Membres (ancienne clé)", "Remplacée par vocabulaire.membres."),
    # personnes_visees
    "Personne.categorie": ("Catégorie", "Une catégorie de personnes, avec son article : « le personnel », "
                           "« les médecins inscrits au tableau »."),
    "Personne.regime": ("Régime", "Ce qui la lie : employeur (règles de l’employeur), administrateur (code "
                        "d’éthique ou règlements), membre (code de déontologie), professionnel_independant, "
                        "etudiant, benevole, stagiaire ou public (la nétiquette seulement)."),
    "Personne.agence": ("Personnel d’agence", "oui : une agence de placement emploie ces personnes et les affecte à "
                        "l’organisme (régime professionnel_independant) ; un manquement est signalé à l’agence et "
                        "traité selon le contrat qui lie l’organisme à celle-ci."),
    # vocabulaire
    "Vocabulaire.code_ethique": ("Code d’éthique", "Le code de l’organisme que la politique invoque, avec son "
                                 "article : « le code de conduite de Kinetika ». Sinon, celui de son type "
                                 "(« le code d’éthique de l’organisme »)."),
    "Vocabulaire.usagers": ("Personnes desservies", "Avec leur article : « les usagers », « les patients », "
                            "« la population », « les résidentes et les résidents » (un article par nom)."),
    "Vocabulaire.un_usager": ("Une personne desservie", "« un usager », « une personne de la population », "
                              "« une résidente ou un résident »."),
    "Vocabulaire.services": ("Services offerts", "Ce que l’organisme offre aux personnes qu’il dessert : soins "
                             "(secret professionnel, dossier, plaintes sur les soins), accompagnement (des "
                             "services sans soins) ou aucun (une fondation : ses donateurs ne sont pas des "
                             "personnes desservies). Absent : selon le type d’organisme."),
    "Vocabulaire.membres": ("Membres", "Les membres d’un ordre, avec leur article : « les médecins »."),
    "Vocabulaire.un_membre": ("Un membre", "« un médecin »."),
    "Vocabulaire.plaintes": ("Instance des plaintes", "Qui reçoit les plaintes, tel qu’on l’écrit dans une "
                             "phrase, avec son genre : « commissaire locale aux plaintes… », « syndic »."),
    "Vocabulaire.profession": ("Profession", "La discipline, avec son article : « la médecine »."),
    "Vocabulaire.titre_professionnel": ("Titre professionnel", "Le titre : « médecin »."),
    "Vocabulaire.pratique": ("Pratique", "La pratique de la profession, avec son article : « la pratique "
                             "infirmière ». Absente : tirée de la profession (« la profession infirmière » "
                             "donne « la pratique infirmière »)."),
    "Vocabulaire.exercice": ("Exercice", "exclusif (nul ne peut exercer…) ou titre_reserve (nul ne peut porter "
                             "le titre…)."),
    "Vocabulaire.h_aspire": ("H aspiré", "Les mots commençant un nom dont le h est aspiré : « Halte »."),
    "Instance.nom": ("Nom", "Le titre de l’instance, sans article."),
    "Instance.genre": ("Genre", "masculin ou féminin."),
    "Instance.nombre": ("Nombre", "singulier ou pluriel."),
    # roles
    "Roles.communications": ("Unité des communications", "L’unité qui gère les comptes officiels."),
    "Roles.approbation_publications": ("Approbation des publications", "Qui approuve les publications "
                                       "officielles : « la direction des communications »."),
    "Roles.moderation": ("Modération", "Qui modère les pages : « l’équipe des communications »."),
    "Roles.courriel_propositions": ("Courriel des propositions", "L’adresse où proposer une publication."),
    "Roles.securite_information": ("Sécurité de l’information", "Qui répond de la sécurité de l’information."),
    "Roles.encadrement_benevoles": ("Encadrement des bénévoles", "Qui encadre les bénévoles et traite leurs "
                                    "manquements, tel qu’une phrase le nomme : « la coordination de l’écoute ». Un "
                                    "ou une bénévole qui signale un contenu l’en informe aussi ; absente : "
                                    "l’unité des communications seulement."),
    "Roles.approbation_conjointe": ("Approbation conjointe", "Les personnes qui doivent ensemble autoriser une "
                                    "prise de parole au nom de l’organisme, une par ligne."),
    "Roles.gestionnaires": (
        "Manquements visés par les gestionnaires",
        "Les manquements pour lesquels les gestionnaires interviennent en particulier, un par ligne "
        "(« les propos diffamatoires envers un collègue ») ; la politique écrit « … des mesures administratives "
        "ou disciplinaires, notamment pour … ». Jamais des personnes : qui est visé se dit dans personnes_visees."),
    "Unite.nom": ("Nom", "Le nom de l’unité : « Service des communications »."),
    "Unite.genre": ("Genre", "masculin ou féminin."),
    "Unite.nombre": ("Nombre", "singulier ou pluriel."),
    "Unite.direction": ("Direction", "La direction dont relève l’unité : « Direction générale »."),
    "Unite.direction_genre": ("Genre de la direction", "masculin ou féminin ; deviné du premier mot s’il "
                              "manque."),
    # plateformes
    "Plateforme.nom": ("Nom", "Facebook, LinkedIn, Instagram, YouTube…"),
    "Plateforme.adresse": ("Adresse", "L’adresse de la page, commençant par « https:// »."),
    "Plateforme.statut": ("Statut", "officielle (l’organisme y publie) ou veille (il l’observe seulement)."),
    # moderation
    "Moderation.jours": ("Jours", "Une phrase (« du lundi au vendredi ») ou une liste de jours."),
    "Moderation.debut": ("Début", "L’heure de début : « 8 h 30 »."),
    "Moderation.fin": ("Fin", "L’heure de fin, après le début : « 16 h 30 »."),
    "Moderation.equipe_de_garde": ("Qui alerter", "Qui est alerté sans délai quand un commentaire exprime de la "
                                   "détresse ou une intention suicidaire, tel que « elle alerte … » le lit : "
                                   "« l’intervenante ou l’intervenant de garde ». Absent : l’unité des communications."),
    "Moderation.jours_feries": ("Jours fériés", "oui : les pages sont aussi modérées les jours fériés."),
    # netiquette
    "Netiquette.langues": ("Langues", "Les langues acceptées dans les commentaires, une par ligne."),
    "Netiquette.comptes_anonymes": ("Comptes anonymes", "refuses ou permis."),
    "Netiquette.lecture": ("Lecture des commentaires", "avant_publication, apres_publication ou non : si "
                           "une personne lit chaque commentaire, et quand."),
    "Netiquette.corrections": ("Corrections", "oui : l’organisme s’engage à corriger ses erreurs et à le dire."),
    "Netiquette.retrait": ("Retrait", "masquer, supprimer ou masquer_ou_supprimer un commentaire."),
    "Netiquette.motifs": ("Motifs de retrait", "Les motifs de retrait distincts que l’organisme retient."),
    "Netiquette.urgence": ("Mode d’urgence", "Ce qui change en situation d’urgence."),
    "MotifsRetrait.majuscules": ("Majuscules", "oui : un texte tout en majuscules peut être retiré."),
    "MotifsRetrait.repetitions": ("Répétitions", "oui : un message répété peut être retiré."),
    "MotifsRetrait.desinformation": ("Désinformation", "oui : une fausse information peut être retirée ; non : "
                                     "l’organisme y répond."),
    "ModeUrgence.heures_prolongees": ("Heures prolongées", "oui : la modération s’étend en situation "
                                      "d’urgence."),
    "ModeUrgence.echanges_suspendus": ("Échanges suspendus", "oui : les autres échanges peuvent être suspendus."),
    # contacts
    "Contacts.communications": ("Communications", "Le contact pour les médias sociaux."),
    "Contacts.plaintes": ("Plaintes", "Où déposer une plainte."),
    "Contacts.protection_renseignements": ("Protection des renseignements personnels",
                                           "Le ou la responsable de la protection des renseignements personnels."),
    "Contacts.plaintes_organisme": ("Plaintes sur l’organisme", "Un ordre : où adresser une plainte sur les "
                                    "services de l’Ordre lui-même (le syndic, dans « plaintes », reçoit les "
                                    "demandes d’enquête sur les membres). Absent : le contact des communications."),
    "Contacts.autres_plaintes": ("Autres recours", "Les autres voies de plainte, chacune avec ce qu’elle reçoit "
                                 "(objet) et ses coordonnées : le syndic de l’ordre d’un professionnel pour sa conduite, "
                                 "le Protecteur du citoyen après la commissaire aux plaintes."),
    "AutrePlainte.objet": ("Objet", "Ce que ce recours reçoit, tel que la phrase « Une plainte sur … s’adresse à » "
                           "le lit : « la conduite d’un physiothérapeute »."),
    "Plateforme.groupe_prive": ("Groupe privé", "oui : un groupe privé réservé aux personnes que l’organisme "
                                "accompagne (groupe d’entraide) ; la nétiquette ne le compte pas parmi ses pages "
                                "publiques et dit à ses membres ce qui y est permis. Son nom se lit après « notre »."),
    "AutrePlainte.en_tout_temps": ("En tout temps", "oui : une voie ouverte en tout temps à côté de la première "
                                   "(le commissaire d’un CISSS pour une résidence) ; les documents adressent la "
                                   "plainte d’abord à « plaintes », puis nomment celle-ci « en tout temps »."),
    "Netiquette.ligne_aide": ("Ligne d’aide", "La ligne d’aide de l’organisme, donnée en premier dans l’avis "
                              "d’urgence de la nétiquette : nom, telephone, texto, adresse_web, heures."),
    "Netiquette.lignes_secteur": ("Lignes d’aide du secteur", "Les lignes d’aide que l’organisme ne tient pas mais "
                                  "recommande (la Ligne Aide Abus Aînés pour une résidence), données dans l’avis "
                                  "d’urgence après la sienne : nom, telephone, texto, adresse_web, heures."),
    "LigneAide.nom": ("Qui l’on joint", "Tel que « Pour parler à … » le lit : « une intervenante ou un intervenant "
                      "de Tel-jeunes »."),
    "LigneAide.telephone": ("Téléphone", "Le numéro à appeler : « 1 800 263-2266 »."),
    "LigneAide.texto": ("Texto", "Le numéro à qui écrire un texto, tel qu’il s’écrit : « 514 600-1002 »."),
    "LigneAide.adresse_web": ("Adresse Web", "Une page ou un clavardage, commençant par « https:// »."),
    "LigneAide.heures": ("Heures", "Quand la ligne répond, en toutes lettres : « jour et nuit, tous les jours »."),
    "Contact.titre": ("Titre", "Le titre du service ou de la fonction (obligatoire)."),
    "Contact.dans_une_phrase": ("Dans une phrase", "Le titre tel qu’une phrase le nomme, avec son article : "
                                "« la secrétaire de l’Ordre » pour « Secrétaire de l’Ordre ». Absent : le titre, "
                                "précédé de son article s’il nomme un service (« le Bureau du syndic »)."),
    "Contact.nom": ("Nom", "Le nom du service, s’il diffère du titre."),
    "Contact.personne": ("Personne", "Le nom d’une personne ; préférez un titre de fonction."),
    "Contact.courriel": ("Courriel", "Une adresse courriel : « communications@exemple.qc.ca »."),
    "Contact.telephone": ("Téléphone", "Dix chiffres : « 450 432-2777 » ; le poste va dans « poste »."),
    "Contact.poste": ("Poste", "Le numéro de poste, entre guillemets s’il commence par 0."),
    "Contact.sans_frais": ("Sans frais", "Le numéro sans frais : « 1 866 963-7770 »."),
    "Contact.adresse_web": ("Adresse Web", "Une page ou un formulaire, commençant par « https:// »."),
    "Contact.politique_web": ("Politique de confidentialité", "L’adresse de la politique de confidentialité "
                              "publiée, commençant par « https:// »."),
    "Contact.heures": ("Heures", "Les heures de bureau, en toutes lettres."),
    "Contact.delegation": ("Délégation", "Un ordre dont la personne responsable de la protection des renseignements "
                           "personnels n’est pas la présidence : la date de la délégation écrite (AAAA-MM-JJ)."),
    # sanctions, choix, fondements, partage
    "Sanctions.personnel": ("Personnel", "Les mesures pour le personnel, une par ligne."),
    "Sanctions.professionnels_independants": ("Professionnels indépendants", "Les suites pour les médecins et "
                                              "autres professionnels indépendants, une par ligne."),
    "Sanctions.benevoles": ("Bénévoles", "Les suites pour les bénévoles, une par ligne (les stagiaires relèvent "
                            "de leur convention de stage)."),
    "Sanctions.public": ("Public", "Ce que l’organisme peut faire sur ses pages, une mesure par ligne."),
    "Choix.usage_personnel_au_travail": ("Usage personnel au travail", "interdit, hors_heures (défaut), hors_lieux "
                                         "(hors des heures et des lieux de travail) ou permis."),
    "Choix.amitie_usagers": ("Amitié avec les personnes desservies", "interdite ou deconseillee."),
    "Choix.amitie_portee": ("Liens interdits avec", "usagers_servis (les personnes qu’on sert ou a servies) ou "
                            "tous_usagers."),
    "Choix.amitie_demandes": ("Demandes d’amitié refusées", "usagers_servis ou tous_usagers : de qui les "
                              "demandes sont refusées."),
    "Choix.cyberintervention": ("Cyberintervention", "Un ordre : oui pour que la politique rappelle aux membres "
                                "qui interviennent à distance que les médias sociaux ne servent pas à offrir des "
                                "services professionnels ; non (défaut) : elle n’en traite pas."),
    "Choix.promotion_services": ("Promotion des services", "oui : les comptes officiels font aussi connaître "
                                 "les services de l’organisme, payants compris (une clinique privée) ; la publicité "
                                 "reste interdite dans les commentaires, et le personnel n’en fait pas la promotion "
                                 "sur ses comptes personnels sans accord. "
                                 "non par défaut : aucun usage commercial ou publicitaire."),
    "Choix.signature_reponses": ("Signature des réponses", "nom (défaut) : qui répond au public se nomme ; "
                                 "prenom : son prénom ; prenom_ou_pseudonyme : son prénom ou un pseudonyme "
                                 "(les bénévoles d’une ligne d’écoute)."),
    "Choix.comptes_separes": ("Comptes séparés", "oui : comptes personnels et professionnels séparés."),
    "Choix.partage_fichiers_internes": ("Partage de fichiers internes", "oui : la politique encadre le partage "
                                        "de fichiers internes."),
    "Fondements.lois": ("Lois", "Les identifiants des lois ajoutées à celles que la bibliothèque cite "
                        "(templates/data/lois.yaml, ou lois.yaml de l’organisme)."),
    "Fondements.documents_internes": ("Documents internes", "Les codes et politiques internes, un par ligne."),
    "PartageFichiers.outils_permis": ("Outils permis", "Un outil par ligne."),
    "PartageFichiers.applications_interdites": ("Applications interdites", "Une application par ligne."),
    # revision
    "Revision.numero": ("Numéro", "Le numéro du document : « COM-2026-01 »."),
    "Revision.version": ("Version", "La version produite, entre guillemets : « \"2.0\" »."),
    "Revision.en_vigueur": ("Entrée en vigueur", "La date AAAA-MM-JJ que portent les documents."),
    "Revision.approbation": ("Approbation", "L’instance qui adopte et la date."),
    "Revision.validation": ("Validation", "L’instance qui valide et la date (facultatif)."),
    "Revision.diffusion": ("Diffusion", "L’instance qui diffuse et la date (facultatif)."),
    "Revision.derniere_revision": ("Dernière révision", "La date AAAA-MM-JJ de la dernière révision."),
    "Revision.cadence_annees": ("Cadence", "Réviser au moins tous les N ans (1 à 10)."),
    "Revision.remplace": ("Remplace", "Le document que celui-ci remplace."),
    "Revision.historique": ("Historique", "Une ligne par version : version, date, description."),
    "Approbation.instance": ("Instance", "« Conseil d’administration »."),
    "Approbation.date": ("Date", "AAAA-MM-JJ."),
    "Approbation.resolution": ("Résolution", "Le numéro de la résolution qui adopte (facultatif) : « CA-2026-14 »."),
    "Revision.consultations": ("Consultations", "Les instances consultées avant l’adoption, une par ligne, avec la "
                               "date de leur avis (obligatoire pour une version définitive)."),
    "Consultation.instance": ("Instance", "« Conseil multidisciplinaire », « CMDP »…"),
    "Consultation.date": ("Date", "AAAA-MM-JJ : la date de l’avis."),
    "Version.version": ("Version", "Entre guillemets : « \"1.0\" »."),
    "Version.date": ("Date", "AAAA-MM-JJ."),
    "Version.description": ("Description", "Ce qui a changé."),
    # annexes, ligne éditoriale
    "Annexes.outils_internes": ("Outils internes", "Un outil par ligne."),
    "Annexes.outils_externes": ("Outils externes", "Un outil par ligne."),
    "Annexes.references": ("Références", "Une référence par ligne."),
    "LigneEditoriale.sujets": ("Sujets", "Les sujets des publications officielles, un par ligne."),
    "LigneEditoriale.publics": ("Publics", "Les publics visés, un par ligne."),
    # The editions in English (orgfile/langues.py).
    "OrganisationFile.langues": ("Langues", "Les éditions voulues (« fr », et « en » en plus du français) et le "
                                 "fondement que la Charte de la langue française leur donne. Absent : français seulement."),
    "Langues.editions": ("Éditions", "« fr » toujours ; « en » pour une édition anglaise, traduction dont la version "
                         "française prévaut."),
    "Langues.documents_anglais": ("Documents traduits", "Les documents qui ont une édition anglaise : netiquette ; "
                                  "fiche-synthese et politique seulement pour un établissement reconnu (art. 29.1) "
                                  "ou un organisme privé."),
    "Langues.fondement": ("Fondement", "reconnaissance_29_1 (reconnu par l’Office), programme_acces (programme "
                          "d’accès aux services en anglais, installations désignées), exception_22_3 (une exception "
                          "nommée de l’article 22.3) ou organisme_prive."),
    "Langues.exception": ("Exception", "Pour exception_22_3 : le motif invoqué (« santé », « sécurité publique »)."),
    "Langues.precision": ("Précision", "Le programme ou la décision de reconnaissance, tel que l’organisme le nomme."),
    "Langues.directive": ("Directive", "La directive de l’organisme sur l’emploi d’une autre langue (art. 29.15), "
                          "révisée au moins tous les cinq ans."),
    "Langues.nom_anglais": ("Nom anglais", "Le nom de l’organisme tel qu’une phrase anglaise l’écrit."),
    "Langues.accord_anglais": ("Accord anglais", "« it » ou « they » : comment l’anglais reprend l’organisme."),
    "Langues.sanctions_anglais": ("Mesures en anglais", "L’anglais des mesures propres au fichier (« sanctions »), "
                                  "une traduction par mesure, dans le même ordre."),
    "Langues.glossaire": ("Glossaire", "Nom officiel français d’une unité ou d’un titre → sa glose anglaise "
                          "(« Bureau de la direction: management office »)."),
    "SanctionsAnglais.personnel": ("Personnel", "Les mesures de « sanctions.personnel », en anglais."),
    "SanctionsAnglais.public": ("Public", "Les mesures de « sanctions.public », en anglais."),
    "Directive.titre": ("Titre", "Le titre de la directive."),
    "Directive.titre_anglais": ("Titre anglais", "Le titre de sa version anglaise, si son auteur en a publié une : "
                                "l’édition anglaise le cite alors en anglais."),
    "Directive.date": ("Date", "La date de son adoption ou de sa dernière révision (AAAA-MM-JJ)."),
    "Directive.auteur": ("Auteur", "Qui l’a prise : l’organisme lui-même, ou celui dont la directive s’applique "
                         "(« ministère de la Santé et des Services sociaux », directive du réseau)."),
}
