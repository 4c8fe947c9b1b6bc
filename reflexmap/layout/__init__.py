"""Qt-free chart layout in millimetres: where labels go beside the feet (`labels`). The window,
the exports and the handouts draw from it; it is tested without Qt."""
