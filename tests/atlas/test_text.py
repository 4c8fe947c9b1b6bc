from reflexmap.atlas.text import natural_key


def test_names_sort_as_people_read_them():
    names = ["Zone 10", "zone 2", "Äußeres Steißbein", "Becken", "Zone 1", "Ischiasnerv"]
    assert sorted(names, key=natural_key) == [
        "Äußeres Steißbein",
        "Becken",
        "Ischiasnerv",
        "Zone 1",
        "zone 2",
        "Zone 10",
    ]
