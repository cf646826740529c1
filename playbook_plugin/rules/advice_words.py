"""The default advice checks' word lists in languages other than English.

``TRANSLATIONS[check id][language]`` replaces the English ``words``, ``versus``, ``ignore``
and ``patterns`` of that check (see ``Check.translations``). Every list is matched on the
text's words, lower-case, so:

- French elision glues the pronoun to its verb (``j'ai``, ``m'appelle``): ``j'*`` and ``m'*``
  count them.
- German ``Sie``/``Ihr`` (you, formal) and ``sie``/``ihr`` (she, they, her) look the same in
  lower case; both count as "you", which can only keep the "about me" check quiet on a note
  that talks about someone else, never make it warn on a polite one. Words that are also
  common verbs or set phrases are left out or written as phrases: ``Stelle`` ("an dieser
  Stelle"), ``freundlich`` ("Mit freundlichen Grüßen"), ``Guten Morgen`` (not tomorrow).
- Portuguese lists cover both Portugal and Brazil (``você``, ``o senhor``, ``contigo``).

Chinese is written without spaces, so a sentence is one "word" (``text_units.words``): the
word rules cannot count pronouns or find a word in it, and a check that reads words does not
run on a Chinese template (the build says so). Patterns (``\\b`` is ASCII) are no substitute
for the "about me" ratio, which counts words only.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SHOUTING", "TRANSLATIONS", "shouting"]

_COMMON_ACRONYMS: tuple[str, ...] = (
    *("NASDAQ", "UNICEF", "UNESCO", "NVIDIA", "HIPAA", "COVID", "SCRUM", "FINRA", "CISSP"),
    "SPSS",
)


def shouting(*acronyms: str) -> list[str]:
    """Patterns for shouting: an ALL-CAPS word of five letters or more (except ``acronyms``
    and the common ones), two of four in a row, or more than one exclamation mark.
    Shorter capitals are nearly always acronyms (USP, UCLA, KPMG, "my UCLA MBA")."""
    names = "|".join((*_COMMON_ACRONYMS, *acronyms))
    return [
        rf"\b(?!(?:{names})\b)[A-Z]{{5,}}\b",
        r"\b[A-Z]{4,}[ \t]+[A-Z]{4,}\b",
        r"![\s\S]*!",
    ]


SHOUTING = shouting()

_WEEKDAYS_ES = r"(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)"
_WEEKDAYS_FR = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_WEEKDAYS_DE = r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
_WORKDAYS_PT = r"(?:segunda|ter[cç]a|quarta|quinta|sexta)(?:-feira)?"
_MINUTES = r"\b\d+\s*(?:[-\u2013]\s*\d+\s*)?"
_APOSTROPHE = "['\u2019]"

_ES: dict[str, dict[str, Any]] = {
    "about-me": {
        "words": ["yo", "me", "mi", "mis", "mío", "mía", "míos", "mías", "conmigo"],
        "versus": [
            *("tú", "te", "ti", "tu", "tus", "tuyo", "tuya", "contigo"),
            *("usted", "ustedes", "su", "sus", "le", "les"),
        ],
    },
    "no-next-step": {
        "words": [
            *("mañana", "la próxima semana", "la semana que viene", "esta semana"),
            *("el próximo mes", "el mes que viene", "este mes", "próximos días"),
        ],
        "patterns": [
            r"\?",
            _MINUTES + r"(?:minutos?|min)\b",
            r"\ben (?:un|una|dos|tres|unos|unas|\d+) (?:d[ií]as?|semanas?|meses|mes)\b",
            rf"\b(?:el|este|pr[oó]ximo|el pr[oó]ximo) {_WEEKDAYS_ES}",
            r"\b(?:una|un) (?:(?:breve|corta|r[aá]pida|peque[nñ]a) )*"
            r"(?:llamada|charla|conversaci[oó]n|reuni[oó]n|videollamada|caf[eé])",
        ],
    },
    "asks-for-job": {
        "words": [
            *("un trabajo", "un empleo", "empleo", "empleos", "puesto", "puestos"),
            *("vacante", "vacantes", "contratando", "currículum", "curriculum", "cv"),
            *("referencia", "recomendarme", "oportunidades laborales"),
            *("oportunidades de trabajo", "prácticas", "pasantía", "busco trabajo"),
        ],
    },
    "claims-relationship": {
        "words": [
            *("colega", "colegas", "amigo", "amiga", "amigos", "amigas"),
            *("compañero de clase", "compañera de clase", "compañeros de clase"),
            *("trabajamos juntos", "trabajamos juntas"),
        ],
        "ignore": [
            *("amigo en común", "amiga en común", "amigos en común", "un amigo mío"),
            *("una amiga mía", "mi colega", "un colega mío", "amigos y familia"),
        ],
    },
    "too-familiar": {
        "words": [
            *("familia", "hijos", "hijas", "hijo", "hija", "esposa", "esposo"),
            *("marido", "pareja", "boda", "vacaciones", "casa", "hogar"),
        ],
        # (?!\w), not \b: after "noté" an ASCII \b finds no boundary.
        "patterns": [r"\b(?:vi|he visto|not[eé])(?!\w)[^.!?\n]{0,40}\b(?:instagram|facebook)\b"],
    },
    "no-thanks": {"words": ["gracias", "agradec*", "agradezco"]},
    "tone": {
        "words": [
            *("q", "xq", "pq", "tb", "tmb", "tqm", "salu2", "xfa", "xfavor", "bss"),
            *("bsos", "k", "ntp", "npi", "finde"),
        ],
        "patterns": SHOUTING,
    },
}

_FR: dict[str, dict[str, Any]] = {
    "about-me": {
        "words": [
            *("je", "j'*", "moi", "me", "m'*", "mon", "ma", "mes"),
            *("mien", "mienne", "miens", "miennes"),
        ],
        "versus": [
            *("vous", "votre", "vos", "vôtre", "vôtres"),
            *("tu", "te", "t'*", "toi", "ton", "ta", "tes", "tien", "tienne"),
        ],
    },
    "no-next-step": {
        "words": [
            *("demain", "la semaine prochaine", "la semaine qui vient", "cette semaine"),
            *("le mois prochain", "ce mois ci", "prochains jours", "prochaines semaines"),
            *("jours qui viennent", "semaines à venir"),
        ],
        "patterns": [
            r"\?",
            _MINUTES + r"(?:minutes?|min)\b",
            r"\bdans (?:un|une|deux|trois|quatre|quelques|\d+) (?:jours?|semaines?|mois)\b",
            rf"\b(?:ce|d{_APOSTROPHE}ici|avant|d[eè]s) {_WEEKDAYS_FR}\b",
            rf"\b{_WEEKDAYS_FR} (?:prochain|matin|apr[eè]s-midi|soir|ou)\b",
            r"\b(?:un|une) (?:(?:petit|petite|court|courte|bref|br[eè]ve|rapide) )*"
            r"(?:appel|caf[eé]|[eé]change|entretien|visio|rendez-vous|discussion|r[eé]union)",
            r"\b(?:dites-moi|faites-moi signe)\b[^.!?\n]{0,60}\b(?:disponible|moment|cr[eé]neau)",
        ],
    },
    "asks-for-job": {
        "words": [
            # "un poste" alone is also the reader's own ("j'occupe un poste de…")
            *("emploi", "emplois", "d'emploi", "un poste chez", "un poste dans"),
            *("un poste au sein", "poste à pourvoir", "postes à pourvoir", "postes ouverts"),
            *("poste vacant", "postes vacants", "recrutez", "recrutent", "embauchez"),
            *("cv", "candidature", "me recommander", "cooptation", "stage", "stages"),
            *("alternance", "opportunités professionnelles", "opportunité professionnelle"),
        ],
    },
    "claims-relationship": {
        "words": [
            *("collègue", "collègues", "ami", "amie", "amis", "amies", "camarade"),
            *("camarades", "travaillé ensemble", "travaillions ensemble"),
            # elided: "en tant qu'ami", "l'amie de", "d'amis"
            *("qu'ami", "qu'amie", "l'ami", "l'amie", "d'ami", "d'amie", "d'amis"),
        ],
        "ignore": [
            *("ami commun", "amie commune", "amis communs", "amies communes", "mon ami"),
            *("mon amie", "mes amis", "mes amies", "un ami à moi", "une amie à moi"),
            *("mon collègue", "ma collègue", "mes collègues", "mon ancien collègue"),
            *("mon ancienne collègue", "mes anciens collègues", "amis et famille"),
            "famille et amis",
        ],
    },
    "too-familiar": {
        "words": [
            # "femme" and "filles" alone are also "women" and "girls" (in tech, who code…)
            *("famille", "enfants", "fils", "votre fille", "ta fille", "vos filles"),
            *("votre femme", "ta femme", "épouse", "époux", "mari", "conjoint", "conjointe"),
            *("mariage", "vacances", "maison", "d'enfants", "l'épouse"),
        ],
        "ignore": ["maison d'édition", "maison mère", "maisons d'édition"],
        "patterns": [
            r"\b(?:vu|remarqu\w*|aper[cç]u|trouv\w*)[^.!?\n]{0,40}\b(?:instagram|facebook)\b"
        ],
    },
    "no-thanks": {"words": ["merci*", "remerci*", "reconnaissant", "reconnaissante", "gratitude"]},
    "tone": {
        "words": [
            *("stp", "mdr", "ptdr", "lol", "slt", "bjr", "dsl", "tkt", "bcp", "pk", "pcq"),
            *("jsp", "mtn", "bsr", "jpp", "osef"),
        ],
        "patterns": shouting("ESSEC", "EDHEC", "INSEAD", "INSERM", "URSSAF", "ENSAE", "NEOMA"),
    },
}

_DE: dict[str, dict[str, Any]] = {
    "about-me": {
        "words": ["ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "meines"],
        "versus": [
            *("sie", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"),
            *("du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines"),
            *("euch", "euer", "eure"),
        ],
    },
    "no-next-step": {
        "words": [
            *("morgen", "übermorgen", "nächste woche", "nächsten woche", "kommende woche"),
            *("kommenden woche", "diese woche", "dieser woche", "nächsten monat"),
            *("diesen monat", "nächsten tagen", "kommenden tagen", "nächsten wochen"),
            "kommenden wochen",
        ],
        "ignore": ["guten morgen"],
        "patterns": [
            r"\?",
            _MINUTES + r"(?:minuten|min)\b",
            r"\bin (?:einer|einem|zwei|drei|vier|ein paar|\d+) (?:tagen?|wochen?|monaten?)\b",
            rf"\b(?:bis|ab|diesen|n[aä]chsten|kommenden) {_WEEKDAYS_DE}",
            rf"\b{_WEEKDAYS_DE} oder {_WEEKDAYS_DE}",
            r"\b(?:ein|einen|eine)\s+(?:(?:kurze[ns]?|kleine[ns]?|schnelle[ns]?|virtuelle[ns]?)\s+)*"
            r"(?:anruf|telefonat|gespr[aä]ch|kaffee|austausch|videocall|call|treffen|termin)",
        ],
    },
    "asks-for-job": {
        "words": [
            # not "Stelle" alone: "an dieser Stelle", "ich stelle mich vor"
            *("job", "jobs", "einen job", "jobangebot*", "stellenangebot*", "stellenanzeige*"),
            *("stellenausschreibung*", "offene stelle", "offenen stelle", "offene stellen"),
            *("offenen stellen", "freie stelle", "freien stelle", "freie stellen"),
            *("freien stellen", "lebenslauf", "bewerbung", "bewerben", "bewerbungsunterlagen"),
            *("ausgeschrieben* stelle", "ausgeschrieben* position", "offen* position*"),
            *("praktikum", "praktikumsplatz", "praktikumsstelle", "jobmöglichkeit*"),
            *("karrieremöglichkeit*", "mich empfehlen", "weiterempfehlen", "stellen sie ein"),
        ],
    },
    "claims-relationship": {
        "words": [
            # explicit forms: "freund*" would also take "Mit freundlichen Grüßen"
            *("kollege", "kollegin", "kollegen", "kolleginnen", "freund", "freundin"),
            *("freunde", "freundinnen", "freunden", "kommilitone", "kommilitonin"),
            *("kommilitonen", "zusammengearbeitet", "zusammen gearbeitet"),
        ],
        "ignore": [
            *("mein* freund*", "mein* kolleg*", "mein* ehemalig* kolleg*"),
            *("gemeinsam* freund*", "ein* freund* von mir", "ein* kolleg* von mir"),
            *("familie und freunde", "freunde und familie"),
        ],
    },
    "too-familiar": {
        "words": [
            # not "Frau" or "Mann" alone: "Sehr geehrte Frau Weber"
            *("familie", "kinder", "kindern", "sohn", "söhne", "tochter", "töchter"),
            *("ehefrau", "ehemann", "ihre frau", "ihrer frau", "ihr mann", "ihrem mann"),
            *("hochzeit", "urlaub", "ferien", "zuhause", "zu hause", "ihr haus", "ihrem haus"),
        ],
        "patterns": [
            r"\b(?:instagram|facebook)\b[^.!?\n]{0,40}\b(?:gesehen|bemerkt|entdeckt|gefunden)\b",
            r"\b(?:gesehen|bemerkt|entdeckt)\b[^.!?\n]{0,40}\b(?:instagram|facebook)\b",
        ],
    },
    "no-thanks": {"words": ["dank*", "bedank*"]},
    "tone": {
        "words": [
            *("thx", "lol", "omg", "vllt", "vlt", "mfg", "sry", "hdl", "kp", "gn8", "n8"),
            *("ka", "iwie", "jmd"),
        ],
        "patterns": SHOUTING,
    },
}

_PT: dict[str, dict[str, Any]] = {
    "about-me": {
        "words": ["eu", "me", "mim", "comigo", "meu", "meus", "minha", "minhas"],
        "versus": [
            # not "consigo": far more often "I manage" than "with you"
            *("você", "vocês", "voce", "te", "ti", "contigo", "teu", "teus", "tua", "tuas"),
            *("seu", "seus", "sua", "suas", "lhe", "lhes", "senhor", "senhora", "si"),
        ],
    },
    "no-next-step": {
        "words": [
            *("amanhã", "próxima semana", "semana que vem", "esta semana", "nesta semana"),
            *("próximo mês", "mês que vem", "este mês", "próximos dias", "próximas semanas"),
        ],
        "patterns": [
            r"\?",
            _MINUTES + r"(?:minutos?|min)\b",
            r"\b(?:em|daqui a) (?:um|uma|dois|duas|tr[eê]s|alguns|algumas|\d+) "
            r"(?:dias?|semanas?|m[eê]s|meses)\b",
            rf"\b(?:na|nesta|nessa|pr[oó]xima|at[eé]) {_WORKDAYS_PT}\b",
            r"\b(?:no|neste|nesse|pr[oó]ximo|at[eé] ao?) (?:s[aá]bado|domingo)\b",
            r"\b(?:uma|um) (?:(?:breve|curta|r[aá]pida|r[aá]pido|pequena|pequeno) )*"
            r"(?:liga[cç][aã]o|conversa|chamada|reuni[aã]o|videochamada|caf[eé]|bate-papo)",
        ],
    },
    "asks-for-job": {
        "words": [
            # not "indicação" alone: also "a recommendation" (of a book, a talk)
            *("emprego", "empregos", "um emprego", "vaga", "vagas", "currículo"),
            *("curriculo", "cv", "me indicar", "indicar me", "uma indicação para"),
            *("estágio", "estágios", "contratando", "a recrutar", "processo seletivo"),
            *("oportunidade de emprego", "oportunidades de emprego"),
            *("oportunidades de trabalho", "procuro trabalho"),
        ],
    },
    "claims-relationship": {
        "words": [
            *("colega", "colegas", "amigo", "amiga", "amigos", "amigas"),
            *("trabalhamos juntos", "trabalhámos juntos", "trabalhamos juntas"),
            "trabalhámos juntas",
        ],
        "ignore": [
            *("amigo em comum", "amiga em comum", "amigos em comum", "amigas em comum"),
            *("meu amigo", "minha amiga", "meus amigos", "minhas amigas", "um amigo meu"),
            *("uma amiga minha", "meu colega", "minha colega", "meus colegas"),
            *("minhas colegas", "um colega meu", "uma colega minha", "meu ex colega"),
            *("minha ex colega", "amigos e família", "família e amigos"),
        ],
    },
    "too-familiar": {
        "words": [
            *("família", "filhos", "filhas", "filho", "filha", "esposa", "esposo"),
            *("marido", "casamento", "férias", "casa", "lar"),
        ],
        "patterns": [r"\b(?:vi|notei|reparei|encontrei)\b[^.!?\n]{0,40}\b(?:instagram|facebook)\b"],
    },
    "no-thanks": {"words": ["obrigad*", "agradec*", "agradeç*", "grato", "grata", "gratidão"]},
    "tone": {
        "words": [
            *("vc", "vcs", "tb", "tbm", "pq", "q", "blz", "vlw", "flw", "kkk", "kkkk"),
            *("rs", "bjs", "bj", "obg", "hj", "td", "msg", "pfv", "tmj", "abs"),
        ],
        "patterns": shouting("INSPER", "UNICAMP", "PUCRS", "ISCTE", "UNESP", "UNIFESP"),
    },
}

TRANSLATIONS: dict[str, dict[str, dict[str, Any]]] = {}
for _language, _lists in (("es", _ES), ("fr", _FR), ("de", _DE), ("pt", _PT)):
    for _check_id, _params in _lists.items():
        TRANSLATIONS.setdefault(_check_id, {})[_language] = _params
