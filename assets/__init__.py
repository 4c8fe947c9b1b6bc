"""ReflexMap's desktop files, shipped as `reflexmap.assets`: the icon (SVG and PNG sizes, in the
hicolor theme layout), the Linux launcher and the AppStream metadata. See reflexmap/desktop.py;
the PNGs are rendered from the SVG by tools/build_icons.py."""
