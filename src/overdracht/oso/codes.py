"""The OSO code lists the product reads and writes, with the words people see.

A code never reaches a screen: the review screen, the portal and the PDF show the label; a
code without a label here is shown as "onbekende code", never as the bare value. The
dossier stores our own keys (e.g. "havo"); the code is written and read here only.

Codelijst 2 (advice VO) holds more codes than the product offers (combinations with lwoo
and older codes): those are read as the label of their family where the family is clear
and otherwise as unknown; the product itself writes only the codes below.
"""

from __future__ import annotations

# Codelijst 2: advice for secondary school. Our key → (code, label), in rising order.
ADVICE: dict[str, tuple[str, str]] = {
    "pro": ("10", "praktijkonderwijs"),
    "vmbo-bb": ("20", "vmbo basisberoepsgerichte leerweg"),
    "vmbo-bb-kb": ("21", "vmbo basis/kader"),
    "vmbo-kb": ("30", "vmbo kaderberoepsgerichte leerweg"),
    "vmbo-kb-gt": ("31", "vmbo kader/gemengd-theoretisch"),
    "vmbo-gt": ("40", "vmbo gemengde/theoretische leerweg"),
    "vmbo-gt-havo": ("41", "vmbo gemengd-theoretisch/havo"),
    "havo": ("50", "havo"),
    "havo-vwo": ("51", "havo/vwo"),
    "vwo": ("60", "vwo"),
}
ADVICE_ORDER = list(ADVICE)
ADVICE_OF_CODE = {code: key for key, (code, _label) in ADVICE.items()}
ADVICE_CHOICES = [(key, label) for key, (_code, label) in ADVICE.items()]


def advice_rank(key: str) -> int:
    """Higher is a more theoretical stream; -1 for no advice."""
    return ADVICE_ORDER.index(key) if key in ADVICE else -1


# Codelijst 45: reference levels on the final test, and our section's keys. The language
# domains know <1F, 1F and 2F; maths <1F, 1F and 1S. Our "1S/2F" is the target level of
# either, so it becomes 2F for reading and language and 1S for maths.
REFERENCE_LEVEL_CODES = {"<1F": "01", "1F": "02", "1S": "03", "2F": "04"}
REFERENCE_LEVEL_OF_CODE = {"01": "<1F", "02": "1F", "03": "1S/2F", "04": "1S/2F"}
REFERENCE_LEVEL_LABELS = {"01": "lager dan 1F", "02": "1F", "03": "1S", "04": "2F"}
# Codelijst 46/47: the parts of the final test that carry a reference level.
DOMAIN_READING, DOMAIN_LANGUAGE, PART_LANGUAGE, PART_MATHS = "8050", "8051", "8000", "8001"


def reference_level_code(domain: str, level: str) -> str:
    """Our level of `domain` (reading, language, maths) as codelijst 45, or "" when the final
    test cannot carry it (3F and 4F are secondary-school levels)."""
    if level == "1S/2F":
        return "03" if domain == "maths" else "04"
    return REFERENCE_LEVEL_CODES.get(level, "")


# Codelijst 42: the kind of final test (doorstroomtoets). Only the central test's code is
# written by the product; a test of another provider travels by its description.
FINAL_TEST_KINDS = {"0011": "Centrale eindtoets / doorstroomtoets"}
FINAL_TEST_LEVEL = "G"  # codelijst 43: only "G" (generic) since 2019

GENDER = {"0": "onbekend", "1": "vrouw", "2": "man", "9": "niet gespecificeerd"}
RELATIONSHIP = {
    "1": "vader",
    "2": "moeder",
    "3": "voogd",
    "4": "pleegouder",
    "9": "anders",
}
YES_NO = {"Ja": "ja", "Nee": "nee", "J": "ja", "N": "nee", "Onbekend": "onbekend"}

CODE_LISTS: dict[str, dict[str, str]] = {
    "advice": dict(ADVICE.values()),
    "gender": GENDER,
    "relationship": RELATIONSHIP,
    "reference_level": REFERENCE_LEVEL_LABELS,
    "final_test": FINAL_TEST_KINDS,
    "yes_no": YES_NO,
}


def label_of(code_list: str, code: str) -> str:
    labels = CODE_LISTS[code_list]
    if code in labels:
        return labels[code]
    if code_list == "advice" and len(code) == 2 and code[0] + "0" in labels:
        return labels[code[0] + "0"]
    return "onbekende code"
