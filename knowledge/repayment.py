"""A loan the company is paying back is a debt, not a loan it asks for.

"ei pysty maksamaan finnveran lainaa", "lainanlyhennykset myöhässä", "can't repay the bank loan": the
words that name a loan there name the company's trouble with it, so the finder should answer with help in
financial difficulty, not with more loans.
"""

from __future__ import annotations

from knowledge.text import WordAnalysis, fold, guessed_form

LOAN_NEED = "loan"
DISTRESS_NEED = "financial_distress"

# Folded starts of the words that pay a loan back or fall behind with it. "maksaa" alone is left out: "mitä
# laina maksaa" asks what a loan costs.
REPAYING_STARTS = (
    "lyhen",  # lyhentää, lyhennys, lyhennykset
    "takaisinmak",
    "maksamaan",
    "maksamatta",
    "maksamise",
    "maksuvaik",
    "maksuera",
    "repay",
    "instalment",
    "installment",
)
# The head of a compound on a loan that makes it a payment on one ("lainanmaksu", "lainanlyhennys").
REPAYING_HEADS = frozenset({"maksu", "lyhennys", "maksuera", "erapaiva"})
REPAYING_LETTERS = ("maksu", "lyhenny", "erapaiv")  # the same heads as a guessed word's letters show them
# A loan and its lenders: what is owed. "rahoitus" is not among them: financing is asked for, never owed.
DEBT_WORDS = frozenset({"laina", "luotto", "pankkilaina", "pankki", "finnvera", "loan", "credit", "bank"})
REACH = 3  # words between the loan and its repayment ("maksamaan finnveran lainaa")
# Trouble with paying, said without a need word: a loan's repayment period asked about beside a new loan
# ("laina, takaisinmaksuaika 5 v") is no debt in trouble.
TROUBLE_WORDS = frozenset(
    {"pysty", "pystyta", "pysy", "selvia", "selviydy", "myohassa", "rastissa", "cant", "can't", "cannot", "unable"}
    | {"tauko", "taukoa"}  # a pause asked in the repayments ("lainanlyhennyksiin pitäisi saada tauko")
    | {"painaa", "painavat", "rasittaa", "kaatuu"}  # repayments that weigh on it ("lainanlyhennykset painaa")
)
TROUBLE_STARTS = ("maksamatta", "maksuvaik", "myohast", "behind")
# ... or the lender presses for more or faster repayment ("pankki soitti että lainaa pitäis lyhentää enemmän", "the
# bank demands bigger instalments")
PRESSED_AFTER = frozenset({"enemman", "nopeammin", "nopeemmin", "isommin", "more", "faster"})
LENDER_PRESSING = frozenset({"vaatii", "vaatinut", "vaati", "uhkaa", "kiristaa", "demands", "demanding", "threatens"})


def loans_owed(analyses: list[WordAnalysis], need_words: dict[int, frozenset[str]]) -> list[int]:
    """The words naming a loan that the question says the company is in trouble paying back."""
    words = [fold(analysis.word) for analysis in analyses]
    loans = [index for index, needs in sorted(need_words.items()) if LOAN_NEED in needs]
    distress_elsewhere = any(DISTRESS_NEED in needs and LOAN_NEED not in needs for needs in need_words.values())
    trouble = any(word in TROUBLE_WORDS or word.startswith(TROUBLE_STARTS) for word in words) or _pressed(words)
    if not loans or not (distress_elsewhere or trouble):
        return []
    repaying = {index for index, word in enumerate(words) if word.startswith(REPAYING_STARTS)}
    repaying |= {index for index, analysis in enumerate(analyses) if _ends_in_repaying(analysis)}
    # English "pay back" and "pay off" are two words
    repaying |= {
        index + 1
        for index, word in enumerate(words[:-1])
        if word in ("pay", "paying") and words[index + 1] in ("back", "off")
    }
    debts = [index for index in loans if _names_debt(analyses[index])]
    if not any(abs(index - other) <= REACH for index in debts for other in repaying):
        return []
    # the loan and its lender named again further on ("pankki uhkaa irtisanoa lainan") are that debt too;
    # financing asked for beside it ("tarvitaan siltarahoitusta") is still asked for
    return debts


def _names_debt(analysis: WordAnalysis) -> bool:
    """The word is a loan or a lender, or an inflected form the analyser did not know ("finnveran")."""
    if (analysis.lemmas | analysis.parts) & DEBT_WORDS:
        return True
    word = fold(analysis.word)
    return any(word.startswith(debt) or guessed_form(word, debt) is not None for debt in DEBT_WORDS)


def _ends_in_repaying(analysis: WordAnalysis) -> bool:
    """A compound on a payment ("lainanmaksut"), split by the analyser or, guessed, by its letters."""
    if analysis.head in REPAYING_HEADS:
        return True
    word = fold(analysis.word)
    return not analysis.known and any(word.find(head, 3) > 0 for head in REPAYING_LETTERS)


def _pressed(words: list[str]) -> bool:
    """The lender asks for more than agreed: a repayment "more" or "faster", or a lender who demands or threatens."""
    for index, word in enumerate(words):
        if word.startswith(REPAYING_STARTS) and PRESSED_AFTER & set(words[index + 1 : index + 3]):
            return True
        if word in LENDER_PRESSING and index > 0 and words[index - 1].startswith(("pankki", "bank", "finnvera")):
            return True
    return False
