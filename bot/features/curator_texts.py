"""The curator feature's texts in Finnish and English (merged into the catalogues at start-up)."""

from __future__ import annotations

_FI = {
    "help.commands.gaps": (
        "Tietopankin aukot: kysymykset ilman vastausta, 👎-vastaukset, epävarmat vastaukset ja palvelut, "
        "joita ei näytetty; rivistä aliakseksi tai luonnokseksi. **aukot** (30 päivää) tai **aukot 90**."
    ),
    "curator.title": "Tietopankin aukot",
    "curator.period": "{period} · {searches} kysymystä",
    "curator.no_questions": "Jaksolla ei kysytty mitään.",
    "curator.section": "{title} ({count})",
    "curator.section.no_results": "Ei vastausta",
    "curator.section.disliked": "Merkitty 👎",
    "curator.section.low_confidence": "Epävarmat vastaukset: tarvetta ei tunnistettu",
    "curator.line": "{number}. ”{question}” ×{count}",
    "curator.variants": "Myös: {variants}",
    "curator.read_needs": "Tulkitsin: {needs}",
    "curator.shown": "Näytettiin: {services}",
    "curator.none": "Ei yhtään.",
    "curator.make_alias": "Tee alias",
    "curator.make_draft": "Tee luonnos",
    "curator.previous": "Edelliset",
    "curator.next": "Seuraavat",
    "curator.page_of": "{first}–{last} / {total}",
    "curator.never_shown": "Palvelut, joita ei näytetty yhdessäkään vastauksessa ({count})",
    "curator.and_more": " … ja {count} muuta",
    "curator.footer": (
        "Kysyjiä ei näytetä. Alias menee tietopankin sanastoon (lexicon.toml) ja tietopankki ladataan "
        "uudelleen; luonnos tallentuu tietopankin kansioon drafts/, josta se täydennetään ja siirretään."
    ),
    "curator.usage": "Käyttö: **aukot** (viimeiset 30 päivää) tai **aukot 90** (päiviä 1–{max}).",
    "curator.stale": "Tätä koontia ei enää ole tallessa. Kirjoita aukot, niin saat uuden.",
    "curator.no_words": "Kysymyksessä ei ole sanaa, josta voisi tehdä aliaksen (tai sanat ovat jo sanastossa).",
    "curator.alias_title": "Tee alias",
    "curator.alias_question": "Kysymys: ”{question}”",
    "curator.alias_intro": (
        "Valitse kysymyksen sana tai sanapari ja kirjoita, mitä se tarkoittaa tietopankin sanoin "
        "(esim. työkkäri → työllisyysalue). Haku lukee sen jatkossa niin."
    ),
    "curator.alias_word": "Sana tai sanapari",
    "curator.alias_word_missing": "Valitse sana.",
    "curator.alias_meaning": "Tarkoittaa",
    "curator.alias_placeholder": "esim. työllisyysalue",
    "curator.alias_save": "Tallenna alias",
    "curator.back": "Takaisin",
    "curator.alias_added": (
        "Alias lisätty: ”{word}” = ”{meaning}”. Tietopankki ladattiin uudelleen, joten haku käyttää sitä jo."
    ),
    "curator.draft_written": (
        "Luonnos tallennettu tietopankin kansioon: {file}. Täydennä se ja siirrä palveluntarjoajan tiedostoon "
        "(kasvuopas kb check kertoo puuttuvat kentät)."
    ),
    "curator.refused.word": "Valitse sana listasta: aliaksen pitää olla kysymyksen sana tai sanapari.",
    "curator.refused.meaning_invalid": "Kirjoita, mitä sana tarkoittaa (enintään {limit} merkkiä).",
    "curator.refused.meaning_same": "Merkitys on sama kuin ”{word}”: kirjoita tietopankin sana, jota se tarkoittaa.",
    "curator.refused.alias_exists": (
        "”{word}” on jo sanaston alias; aliasta ei lisätty. Muuta sitä tiedostossa lexicon.toml."
    ),
    "curator.refused.no_alias_table": (
        "Sanastosta puuttuu [aliases]-taulu, joten aliasta ei lisätty. Korjaa lexicon.toml."
    ),
    "curator.refused.kb_invalid": "Tietopankki ei latautuisi, joten aliasta ei lisätty: {problem}",
    "curator.refused.reload_failed": "Tietopankin lataus epäonnistui, joten alias poistettiin: {problem}",
    "curator.refused.draft_exists": "Luonnosta ei tehty: {file} on jo olemassa. Täydennä se tai poista se ensin.",
    "curator.refused.write_failed": "Tiedostoa ei voitu kirjoittaa tietopankin kansioon, joten mitään ei muutettu.",
}

_EN = {
    "help.commands.gaps": (
        "Knowledge-base gaps: questions that found nothing, answers marked 👎, low-confidence answers and "
        "services in no answer; turn a line into an alias or a draft. **gaps** (30 days) or **gaps 90**."
    ),
    "curator.title": "Knowledge-base gaps",
    "curator.period": "{period} · {searches} questions",
    "curator.no_questions": "Nobody asked anything in this period.",
    "curator.section": "{title} ({count})",
    "curator.section.no_results": "Found nothing",
    "curator.section.disliked": "Marked 👎",
    "curator.section.low_confidence": "Low-confidence answers: no need recognised",
    "curator.line": "{number}. “{question}” ×{count}",
    "curator.variants": "Also: {variants}",
    "curator.read_needs": "Understood: {needs}",
    "curator.shown": "Shown: {services}",
    "curator.none": "None.",
    "curator.make_alias": "Make an alias",
    "curator.make_draft": "Write a draft",
    "curator.previous": "Previous",
    "curator.next": "Next",
    "curator.page_of": "{first}–{last} of {total}",
    "curator.never_shown": "Services in no answer ({count})",
    "curator.and_more": " … and {count} more",
    "curator.footer": (
        "Who asked is never shown. An alias goes into the knowledge base's lexicon (lexicon.toml) and the "
        "knowledge base is reloaded; a draft is saved in its drafts/ folder, to be completed and moved."
    ),
    "curator.usage": "Usage: **gaps** (the last 30 days) or **gaps 90** (1–{max} days).",
    "curator.stale": "This digest is no longer stored. Type gaps for a fresh one.",
    "curator.no_words": "The question has no word to make an alias of (or its words already are aliases).",
    "curator.alias_title": "Make an alias",
    "curator.alias_question": "Question: “{question}”",
    "curator.alias_intro": (
        "Choose a word or word pair of the question and type what it means in the knowledge base's words "
        "(e.g. työkkäri → työllisyysalue). The finder will read it that way from now on."
    ),
    "curator.alias_word": "Word or word pair",
    "curator.alias_word_missing": "Choose a word.",
    "curator.alias_meaning": "Means",
    "curator.alias_placeholder": "e.g. työllisyysalue",
    "curator.alias_save": "Save alias",
    "curator.back": "Back",
    "curator.alias_added": (
        "Alias added: “{word}” = “{meaning}”. The knowledge base was reloaded, so the finder uses it now."
    ),
    "curator.draft_written": (
        "Draft saved in the knowledge-base folder: {file}. Complete it and move it into the provider's file "
        "(kasvuopas kb check names the missing fields)."
    ),
    "curator.refused.word": "Choose a word from the list: an alias must be a word or word pair of the question.",
    "curator.refused.meaning_invalid": "Type what the word means (at most {limit} characters).",
    "curator.refused.meaning_same": "The meaning is “{word}” itself: type the knowledge-base word it stands for.",
    "curator.refused.alias_exists": "“{word}” already is an alias; nothing was added. Change it in lexicon.toml.",
    "curator.refused.no_alias_table": "The lexicon has no [aliases] table, so nothing was added. Fix lexicon.toml.",
    "curator.refused.kb_invalid": "The knowledge base would not load, so the alias was not added: {problem}",
    "curator.refused.reload_failed": "Reloading the knowledge base failed, so the alias was taken out again: {problem}",
    "curator.refused.draft_exists": "No draft written: {file} already exists. Complete it or remove it first.",
    "curator.refused.write_failed": "The file could not be written in the knowledge-base folder; nothing was changed.",
}

TEXTS = {"fi": _FI, "en": _EN}
