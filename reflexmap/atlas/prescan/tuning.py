"""How large a file or a value must be before the walk reports it (tests shrink these)."""

SMALL = 128 * 1024  # the parser refuses a smaller file in a few tenths of a second anyway
BIG_SCALAR = 1_000_000  # a value this long is costly to parse: report it from here
AHEAD_FROM = 1000  # a block list with a lower limit is read in no time: not counted ahead
WORDS_FROM = 1 << 16  # a span of items this long is searched with each one-word value made one
ESCAPES_READ_FROM = 1 << 16  # a quoted value this long is not searched again for bad escapes
