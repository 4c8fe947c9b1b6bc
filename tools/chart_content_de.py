"""German texts of the built-in charts (tools/build_default_chart.py writes them into the zone
files as `translations: {de: …}`). Same rule as in English: a claim is what charts say, a noun
phrase that reads after "Karten verorten hier …"; nothing promises an effect."""

DAUMENGANG = (
    "Mit dem Daumen in kleinen Schritten wandern: Das Endglied beugen und strecken, sodass der "
    "Daumen vorwärts rückt, ohne den Kontakt zu verlieren; der Druck entsteht beim Strecken. Die "
    "andere Hand hält den Fuß. Im angenehmen Bereich bleiben."
)
FINGERGANG = (
    "Mit einem oder mehreren Fingern in kleinen Schritten wandern, die Finger beugen und strecken, "
    "wie auf dem Fußrücken und an den Seiten des Fußes; die andere Hand stützt den Fuß."
)
KREISEN = (
    "Einen Daumen oder Finger auf die Stelle legen und kleine Kreise machen, die das Gewebe "
    "darunter bewegen, nicht die Haut."
)

CHARTS = {
    "ingham-western": {
        "title": "Westliche Fußkarte (Tradition nach Ingham)",
        "tradition": "Westlich (Ingham)",
        "description": (
            "Eine verbreitete westliche Reflexzonenkarte in der Tradition von Eunice Ingham: Jeder Fuß "
            "steht für dieselbe Körperseite, die Wirbelsäule verläuft an der Innenkante beider Füße, "
            "die Zehen stehen für den Kopf, der Ballen für die Brust, das Fußgewölbe für den Bauch und "
            "die Ferse für das Becken. Karten anderer Schulen verorten mehrere Zonen anders, vor allem "
            "den Ischiasnerv."
        ),
    },
    "alternative-placements": {
        "title": "Abweichende Verortungen (Rwo-Shur-Linie und andere Schulen)",
        "tradition": "Rwo-Shur-Linie",
        "description": (
            "Wo andere Schulen die Zonen zeichnen, die die westliche Karte anders verortet: der "
            "Ischias-Streifen der Rwo-Shur-Linie an der Innenseite der Achillessehne hinauf, der Streifen "
            "am inneren Schienbein mancher japanischer Karten, ein zweiter Wirbelsäulenweg unter dem "
            "Innenknöchel bei manchen Autoren und das äußere Steißbein-Band chinesischer und japanischer "
            "Karten. Die Zonen-Ids stimmen mit der westlichen Karte überein, sodass sich beide "
            "vergleichen lassen."
        ),
    },
}

SOURCES = {
    "reflexmap-estimate": {
        "title": "ReflexMap-Zeichenhilfe",
        "note": "Genaue Grenzen nach den Hilfslinien und dem groben Aufbau in den Inhaltsnotizen des Projekts; keine einzelne Karte nennt sie.",
    },
}

GUIDES = {
    "shoulder-line": "Schulterlinie",
    "diaphragm-line": "Zwerchfelllinie",
    "waistline": "Taillenlinie",
    "heel-line": "Becken- / Fersenlinie",
    "sciatic-line": "Ischiaslinie",
    "tendon-line": "Sehnenlinie",
    "inner-ankle-bone": "Innenknöchel",
    "outer-ankle-bone": "Außenknöchel",
}

WESTERN_ZONES = {
    "head-brain": {
        "name": "Kopf und Gehirn",
        "claim": "den Kopf und das Gehirn",
        "technique": "In mehreren Reihen mit dem Daumen über die Kuppe der Großzehe wandern, die Zehe von hinten mit der anderen Hand stützen.",
    },
    "sinuses": {
        "name": "Nasennebenhöhlen",
        "claim": "die Nasennebenhöhlen",
        "technique": "Mit dem Daumen die Kuppe jeder kleinen Zehe bis zur Spitze hinaufwandern, eine Zehe nach der anderen, die Zehe dabei festhalten.",
    },
    "neck": {
        "name": "Hals",
        "claim": "den Hals und den Rachen",
        "technique": "Mit dem Daumen quer über den Grund der Großzehe wandern, von der Außenseite zur Innenkante.",
    },
    "shoulder": {
        "name": "Schulter",
        "claim": "die Schulter",
        "technique": "Mit dem Daumen den äußeren Teil des Ballens unter der kleinen Zehe bearbeiten und dieselbe Stelle an der Außenseite des Fußes mit den Fingern.",
    },
    "chest-lungs": {
        "name": "Brustkorb und Lunge",
        "claim": "den Brustkorb und die Lunge",
        "technique": "Mit dem Daumen den Ballen in Reihen von der Zwerchfelllinie zu den Zehen hin bearbeiten.",
    },
    "heart": {
        "name": "Herz",
        "claim": "das Herz",
        "technique": "Mit dem Daumen sanft über die innere Hälfte des Ballens am linken Fuß wandern.",
        "note": "Nur am linken Fuß gezeichnet, wie auf den meisten westlichen Karten.",
    },
    "diaphragm": {
        "name": "Zwerchfell",
        "claim": "das Zwerchfell",
        "technique": "Mit dem Daumen die Zwerchfelllinie knapp unter dem Ballen entlangwandern, von der Innen- zur Außenkante.",
    },
    "stomach": {
        "name": "Magen",
        "claim": "den Magen",
        "technique": DAUMENGANG
        + " Quer über das obere Fußgewölbe, unterhalb der Zwerchfelllinie; am linken Fuß größer.",
    },
    "liver": {
        "name": "Leber",
        "claim": "die Leber",
        "technique": DAUMENGANG
        + " Quer über das obere Fußgewölbe des rechten Fußes, von der Außenkante nach innen.",
        "note": "Nur am rechten Fuß gezeichnet, passend zu der Körperseite, auf der die Karten die Leber verorten.",
    },
    "spleen": {
        "name": "Milz",
        "claim": "die Milz",
        "technique": DAUMENGANG + " Am äußeren Teil des oberen Fußgewölbes des linken Fußes.",
        "note": "Nur am linken Fuß gezeichnet.",
    },
    "intestines": {
        "name": "Darm",
        "claim": "den Dünn- und den Dickdarm",
        "technique": DAUMENGANG
        + " In Reihen quer über das untere Fußgewölbe, zwischen Taillenlinie und Fersenlinie.",
    },
    "bladder": {
        "name": "Blase",
        "claim": "die Blase",
        "technique": KREISEN
        + " Auf dem weichen, gewölbten Bereich an der Innenkante, wo das Gewölbe auf die Ferse trifft.",
    },
    "cervical-spine": {
        "name": "Halswirbelsäule",
        "claim": "die Halswirbel (C1–C7)",
        "technique": "Mit dem Daumen die Innenkante der Großzehe hinabwandern; ein Schema zählt sieben Schritte, einen je Wirbel.",
    },
    "thoracic-spine": {
        "name": "Brustwirbelsäule",
        "claim": "die Brustwirbel (Th1–Th12)",
        "technique": "Mit dem Daumen die Innenkante des Fußes vom Großzehengrundgelenk bis zum Kahnbeinhöcker entlangwandern; ein Schema zählt zwölf Schritte.",
    },
    "lumbar-spine": {
        "name": "Lendenwirbelsäule",
        "claim": "die Lendenwirbel (L1–L5)",
        "technique": DAUMENGANG
        + " Am inneren Fußgewölbe entlang zur Ferse, bis unter den Innenknöchel; ein Schema zählt fünf Schritte.",
        "note": "Die Zone, die Karten am häufigsten bei Kreuzschmerzen nennen. Karten zeichnen sie; Studien haben nicht gezeigt, dass die Arbeit an ihr bei Rückenschmerzen mehr hilft als Entspannung oder die übliche Versorgung.",
    },
    "sacrum": {
        "name": "Kreuzbein",
        "claim": "das Kreuzbein",
        "technique": DAUMENGANG + " Entlang der inneren Mulde des Fersenbeins.",
    },
    "coccyx": {
        "name": "Steißbein",
        "claim": "das Steißbein",
        "technique": "Mit Fingern oder Daumen den innersten Teil der Ferse bearbeiten; das Fersenpolster ist dick, daher fester Druck im angenehmen Bereich.",
    },
    "sciatic-nerve": {
        "name": "Ischiasnerv",
        "claim": "den Ischiasnerv",
        "technique": "Mit dem Daumen in Reihen quer über die Ferse von der Innen- zur Außenkante wandern; an den Seiten mit den Fingern hinter den Knöcheln hinauf.",
        "note": "Die umstrittenste Zone. Westliche Karten zeichnen ein Band quer über die Ferse (manche knapp vor dem Fersenbein) und kurze Streifen hinter den Knöcheln; die Rwo-Shur-Linie fügt einen Streifen an der inneren Achillessehne hinzu. Ischiasbeschwerden mit Warnzeichen gehören zum Arzt, nicht auf eine Karte.",
    },
    "pelvis": {
        "name": "Becken und Unterkörper",
        "claim": "das Becken und den Unterkörper",
        "technique": "Mit dem Daumen das ganze Fersenpolster in sich überlappenden Reihen bearbeiten; die Haut an der Ferse ist dick, daher langsam.",
    },
    "hip-pelvis": {
        "name": "Hüfte und Becken",
        "claim": "die Hüfte und die Seite des Beckens",
        "technique": FINGERGANG
        + " Um den Außenknöchel herum und darunter, in kleinen Bögen; manche Karten wiederholen das unter dem Innenknöchel.",
    },
    "knee-leg": {
        "name": "Knie und Bein",
        "claim": "das Knie und das Bein",
        "technique": FINGERGANG
        + " Über das Dreieck an der Außenkante des Fußes vor dem Fersenbein, an der Einkerbung des Würfelbeins.",
    },
    "lower-back": {
        "name": "Unterer Rücken",
        "claim": "den unteren Rücken",
        "technique": FINGERGANG
        + " Quer über den Fußrücken von knapp unter dem Knöchel bis zur höchsten Stelle des Spanns.",
    },
    "upper-back": {
        "name": "Oberer Rücken",
        "claim": "den oberen Rücken",
        "technique": FINGERGANG
        + " In Reihen über den Fußrücken hinter den Zehen, dem Ballen an der Sohle entsprechend.",
    },
}

VARIANT_ZONES = {
    "sciatic-nerve": {
        "name": "Ischiasnerv (Rwo-Shur)",
        "claim": "den Ischiasnerv",
        "technique": "Mit dem Daumen quer über die Ferse wandern, dann mit Fingern oder Daumen an der Innenseite der Achillessehne hinauf, oberhalb des Innenknöchels.",
        "note": "Die Rwo-Shur-Linie behält das Band an der Ferse und fügt diesen Streifen an der inneren Achillessehne hinzu; westliche Karten enden am Knöchel.",
    },
    "sciatic-shin": {
        "name": "Ischiasnerv (inneres Schienbein)",
        "tradition": "Manche japanische Karten",
        "claim": "den Ischiasnerv",
        "technique": "Mit dem Daumen die Innenkante des Schienbeins hinaufwandern, von oberhalb des Knöchels zum Knie hin.",
        "note": "Manche japanische Karten führen die Ischiaszone am inneren Schienbein entlang der Tibia hinauf.",
    },
    "lumbar-spine": {
        "name": "Lendenwirbelsäule (zweiter Weg)",
        "tradition": "Manche Autoren: ein zweiter Wirbelsäulenweg",
        "claim": "die Lendenwirbel (L1–L5)",
        "technique": DAUMENGANG + " An der Seite des Fußes knapp unter dem Innenknöchel entlang.",
        "note": "Manche Autoren zeichnen für die untere Wirbelsäule einen zweiten Weg knapp unter dem Innenknöchel, neben dem üblichen entlang des inneren Fußgewölbes.",
    },
    "sacrum": {
        "name": "Kreuzbein (zweiter Weg)",
        "tradition": "Manche Autoren: ein zweiter Wirbelsäulenweg",
        "claim": "das Kreuzbein",
        "technique": DAUMENGANG + " Den zweiten Weg unter dem Innenknöchel nach hinten zur Ferse fortsetzen.",
    },
    "coccyx": {
        "name": "Äußeres Steißbein",
        "tradition": "Chinesische und japanische Karten",
        "claim": "das Steißbein",
        "technique": "Mit den Fingern das Band um die Rückseite und die Außenseite der Ferse bearbeiten.",
        "note": "Chinesische und japanische Karten fügen ein äußeres Steißbein-Band um die hintere Außenseite der Ferse hinzu; westliche Karten setzen das Steißbein an die innerste Ferse.",
    },
}
