"""Edit mode: draw and change a chart's zones on the map, with undo, saving and live checks.

session.py holds the chart being edited (a ChartDocument from the Qt-free core) and its undo
stack; tool.py is what the mouse and keys do on the map; overlay.py draws handles and
problems; mode.py makes the Edit menu and switches the mode on and off.
"""
