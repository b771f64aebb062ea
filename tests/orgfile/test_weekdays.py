"""Moderation days typed as a list or a phrase read right in a French sentence."""

import pytest

from policygen.orgfile.weekdays import days_phrase


@pytest.mark.parametrize("typed, phrase", [
    (["lundi", "mardi", "mercredi", "jeudi", "vendredi"], "du lundi au vendredi"),
    (["Lundi", "Mercredi", "vendredi"], "les lundis, mercredis et vendredis"),
    (["samedi", "dimanche"], "les samedis et dimanches"),
    (["mardi"], "les mardis"),
    (["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"], "tous les jours"),
    ("Du lundi au vendredi.", "du lundi au vendredi"),
    ("lundi au jeudi", "du lundi au jeudi"),
    ("lundi, mercredi et vendredi", "les lundis, mercredis et vendredis"),
    ("les mardis et jeudis", "les mardis et jeudis"),
    ("En semaine, sauf l’été", "en semaine, sauf l’été"),
])
def test_days_read_right(typed, phrase):
    assert days_phrase(typed) == phrase


def test_a_word_that_is_no_day_is_named_with_a_suggestion():
    with pytest.raises(ValueError, match="« vendredy » n’est pas un jour de la semaine. "
                                         "Vouliez-vous dire « vendredi » ?"):
        days_phrase(["lundi", "vendredy"])
