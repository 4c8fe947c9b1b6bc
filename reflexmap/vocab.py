"""The app's vocabulary with translatable names: body regions (and their colours), aspects,
feet, placement confidence. One place, no Qt: the window, the exports and the web page read it."""

from __future__ import annotations

from .i18n import N_, translated

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
FOOT_NAMES = {"left": N_("Left foot"), "right": N_("Right foot")}

CONFIDENCE_TEXT = {
    "sourced": N_("Placed as the named sources describe."),
    "estimate": N_("Estimated placement: drawing guidance, no single source gives these bounds."),
}


def region_name(region: str) -> str:
    """The region's name in the current language."""
    return translated(REGION_NAMES, region)


def aspect_title(aspect: str) -> str:
    return translated(ASPECT_TITLES, aspect)


def aspect_name(aspect: str) -> str:
    return translated(ASPECT_NAMES, aspect)


def foot_name(foot: str) -> str:
    return translated(FOOT_NAMES, foot)
