"""Hand-built documents for the writers' tests (as pandoc's tests do): every
kind of block, and a fiche-synthèse as dense as the clause library allows, so
layout limits are tested before the library grows into them."""

from __future__ import annotations

import dataclasses
import datetime as dt

from policygen.model.labels import label
from policygen.model.nodes import Clause, Document, Emphasis, Layout, Link, ListBlock, Paragraph, Provenance, Section, \
    Source, Strong, Table, Text
from policygen.model.typography import typeset

PROVENANCE = Provenance("exemple", 1, (Source("004", "Source d’exemple", "Organisme", (("1", ""),)),), ())

SENTENCES = (
    "Toute personne qui publie au nom de l’établissement le fait avec courtoisie et dans une langue soignée.",
    "Les renseignements personnels d’un usager ne sont jamais publiés, même lorsqu’ils paraissent anodins.",
    "Avant de répondre à un commentaire public, vérifiez les faits auprès de la direction concernée.",
    "Une photographie prise dans un milieu de soins exige le consentement manifeste des personnes qu’elle montre.",
    "Le service des communications tient à jour la liste des comptes officiels et de leurs responsables.",
)


def paragraph(n: int, start: int = 0) -> Paragraph:
    return Paragraph((Text(" ".join(SENTENCES[(start + i) % len(SENTENCES)] for i in range(n))),))


def bullets(count: int) -> ListBlock:
    return ListBlock(False, tuple((Paragraph((Text(SENTENCES[i % len(SENTENCES)]),)),) for i in range(count)))


def clause(ident: str, title: str, *blocks, show_title: bool = True) -> Clause:
    return Clause(ident, title, show_title, tuple(blocks), dataclasses.replace(PROVENANCE, clause_id=ident))


def document(kind: str, sections: list[Section], title: str = "Document d'exemple",
             layout: Layout = Layout()) -> Document:
    date = dt.date(2018, 4, 27)
    return typeset(label(Document(kind=kind, layout=layout, title=title, organisation="Centre intégré de santé et de services sociaux "
                            "des Laurentides", short_title=title, sections=tuple(sections),
                            author="CISSS des Laurentides", subject=title, keywords=("médias sociaux",),
                            date=date, timestamp=dt.datetime(2018, 4, 27, 12))))


def rich_politique() -> Document:
    """Every block the writers know: nested and ordered lists, tables, links, emphasis."""
    ordered = ListBlock(True, ((Paragraph((Text("Lire la demande."),)),),
                               (Paragraph((Text("Consulter la direction."),)), bullets(2)),
                               (Paragraph((Text("Répondre dans les deux jours ouvrables."),)),)))
    table = Table(((Text("Plateforme"),), (Text("Statut"),)),
                  (((Text("Facebook"),), (Text("officielle"),)), ((Text("Twitter"),), (Text("veille"),))))
    link = Paragraph((Text("Écrivez au "), Link("mailto:communications@exemple.qc.ca",
                                                   (Text("service des communications"),)),
                      Text(" ou consultez "), Strong((Text("le site"),)), Text(" et "),
                      Emphasis((Text("l'intranet"),)), Text(".")))
    sections = [
        Section("preambule", "Préambule", (clause("p.a", "Le contexte", paragraph(3)),
                                          clause("p.b", "La démarche", paragraph(2, 1), ordered)), number="1"),
        Section("regles", "Règles", (clause("r.a", "Les comptes", paragraph(2, 2), bullets(3), table),
                                     clause("r.b", "Les étapes", ordered, link)), number="2"),
    ]
    return document("politique", sections, "Politique d'exemple", Layout(toc=True, annex_page_break=True))


def dense_fiche() -> Document:
    """Six headed items with more text than a real fiche should carry."""
    titles = ("Les principes", "Votre emploi ne requiert pas les médias sociaux",
              "Votre emploi requiert les médias sociaux", "Signaler un contenu inapproprié",
              "Bonnes pratiques", "Avant de publier, posez-vous ces questions")
    sections = [Section(f"s{i}", title, (clause(f"f{i}.a", "", paragraph(2, i), show_title=False),
                                         clause(f"f{i}.b", "", bullets(5), show_title=False)))
                for i, title in enumerate(titles)]
    contact = Paragraph((Text("Écrivez à "), Link("mailto:protection.renseignements.cissslau@ssss.gouv.qc.ca", (
        Text("protection.renseignements.cissslau@ssss.gouv.qc.ca"),)), Text(" ou composez le 450 432-2777 poste 22898.")))
    sections[3] = dataclasses.replace(sections[3], clauses=(*sections[3].clauses, clause("f3.c", "", contact,
                                                                                          show_title=False)))
    return document("fiche-synthese", sections, "Fiche-synthèse : l'utilisation des médias sociaux",
                    Layout(columns=2, compact=True))
