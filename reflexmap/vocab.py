"""The app's vocabulary with translatable names: body regions (and their colours), aspects,
feet, placement confidence, interface languages. One place, no Qt: the atlas core, the quiz,
the window, the exports and the web page read it (tests/test_vocab.py fails on a second
definition elsewhere)."""

from __future__ import annotations

from .i18n import LANGUAGES, N_, _, translated

__all__ = [
    "ASPECTS",
    "FEET",
    "REGIONS",
    "CONFIDENCES",
    "ZONE_NAME_STYLES",
    "LANGUAGES",  # defined beside the translation machinery (reflexmap.i18n), named here
]

# The ids a chart file may use (atlas-v1.schema.json lists the same: a test checks it).
ASPECTS = ("plantar", "medial", "lateral", "dorsal")  # in the order the views are offered
FEET = ("left", "right")
REGIONS = ("head", "neck", "chest", "abdomen", "pelvis", "spine", "back", "limb", "nerve")
CONFIDENCES = ("sourced", "estimate")
# How a chart's zone names read inside a sentence (its top-level `zone_names`): "common
# nouns" are written capitalised only to start a label ("Lumbar spine") and read lower-case
# in an English sentence ("the lumbar spine"); "as written" (also a chart that does not say)
# are used exactly as the author wrote them ("the Achilles tendon", "the Rwo-Shur point").
COMMON_NOUNS, AS_WRITTEN = ZONE_NAME_STYLES = ("common nouns", "as written")

# Okabe–Ito (colour-blind safe) plus two from Paul Tol's muted set.
REGION_COLOURS = {
    "head": "#56B4E9",  # sky blue
    "neck": "#009E73",  # bluish green
    "chest": "#F0E442",  # yellow
    "abdomen": "#E69F00",  # orange
    "pelvis": "#CC79A7",  # reddish purple
    "spine": "#0072B2",  # blue
    "nerve": "#D55E00",  # vermillion
    "back": "#AA4499",  # Tol purple
    "limb": "#999933",  # Tol olive
}

REGION_NAMES = {
    "head": N_("Head"),
    "neck": N_("Neck"),
    "chest": N_("Chest"),
    "abdomen": N_("Abdomen"),
    "pelvis": N_("Pelvis"),
    "spine": N_("Spine"),
    "nerve": N_("Nerves"),
    "back": N_("Back"),
    "limb": N_("Limbs"),
}

ASPECT_TITLES = {
    "plantar": N_("Plantar view: the soles"),
    "medial": N_("Medial view: the inner sides"),
    "lateral": N_("Lateral view: the outer sides"),
    "dorsal": N_("Dorsal view: the tops of the feet"),
}
ASPECT_NAMES = {  # short, for choices (quiz set-up, handouts, the web page's tabs)
    "plantar": N_("Plantar (sole)"),
    "medial": N_("Medial (inner side)"),
    "lateral": N_("Lateral (outer side)"),
    "dorsal": N_("Dorsal (top)"),
}
ASPECT_MENU_TEXTS = {  # the View menu's items (with their access keys)
    "plantar": N_("&Plantar view"),
    "medial": N_("&Medial view"),
    "lateral": N_("&Lateral view"),
    "dorsal": N_("&Dorsal view"),
}
ASPECT_IN_SENTENCE = {  # inside a sentence: "left foot, plantar view"
    "plantar": N_("plantar view"),
    "medial": N_("medial view"),
    "lateral": N_("lateral view"),
    "dorsal": N_("dorsal view"),
}
FOOT_NAMES = {"left": N_("Left foot"), "right": N_("Right foot")}
FOOT_IN_SENTENCE = {"left": N_("left foot"), "right": N_("right foot")}
ON_FOOT = {"left": N_("on the left foot"), "right": N_("on the right foot")}

CONFIDENCE_TEXT = {
    "sourced": N_("Placed as the named sources describe."),
    "estimate": N_("Estimated placement: drawing guidance, no single source gives these bounds."),
}


ZONE_NAME_STYLE_NAMES = {  # (the chart properties' choice: each with an example of its own)
    COMMON_NOUNS: N_("Common nouns: “Lumbar spine” reads “the lumbar spine” in a sentence"),
    AS_WRITTEN: N_("As written: “Achilles tendon” reads “the Achilles tendon” in a sentence"),
}


def zone_name_style_name(style: str) -> str:
    return translated(ZONE_NAME_STYLE_NAMES, style)


def region_name(region: str) -> str:
    """The region's name in the current language."""
    return translated(REGION_NAMES, region)


def aspect_title(aspect: str) -> str:
    return translated(ASPECT_TITLES, aspect)


def aspect_name(aspect: str) -> str:
    return translated(ASPECT_NAMES, aspect)


def foot_name(foot: str) -> str:
    return translated(FOOT_NAMES, foot)


def aspect_menu_text(aspect: str) -> str:
    return translated(ASPECT_MENU_TEXTS, aspect)


def on_foot(foot: str) -> str:
    """ "on the left foot", in the current language."""
    return translated(ON_FOOT, foot)


def where(foot: str, aspect: str) -> str:
    """ "left foot, plantar view", in the current language."""
    return _("{foot}, {aspect}").format(
        foot=translated(FOOT_IN_SENTENCE, foot), aspect=translated(ASPECT_IN_SENTENCE, aspect)
    )
