def test_probe(window_in, qtbot):
    window = window_in("de", size=(922, 690))
    c = window.map.chart
    print("\nPROBE fresh", c.min_text_mm, window.map.min_text_mm_needed(), c.label_mm)
    window.settings_menu.text_size_actions[1.5].trigger()
    qtbot.wait(50)
    window.settings_menu.text_size_actions[1.0].trigger()
    qtbot.wait(50)
    c = window.map.chart
    print("\nPROBE back", c.min_text_mm, window.map.min_text_mm_needed(), c.label_mm)
