"""German for the built-in providers' data texts, keyed by their English wording.

``tests/unit/test_data_texts.py`` fails when a built-in text has no entry here, so a
changed English note cannot silently lose its translation.
"""

from __future__ import annotations

DATA: dict[str, str] = {
    # OpenRouter
    "OpenRouter's video API is in alpha. It has no way to cancel or delete a job: once sent, a render runs to the "
    "end and OpenRouter bills it. Models and prices come from OpenRouter's live list; the bill it reports replaces "
    "the estimate.": "Die Video-API von OpenRouter ist im Alpha-Stadium. Sie kann einen Auftrag weder abbrechen noch "
    "löschen: Einmal gesendet, läuft ein Rendering bis zum Ende, und OpenRouter berechnet es. Modelle und Preise "
    "stammen aus der aktuellen Liste von OpenRouter; die gemeldete Abrechnung ersetzt die Schätzung.",
    "Google's Veo 3.1: text or image to video with native audio.": "Googles Veo 3.1: Text oder Bild zu Video, mit "
    "eigenem Ton.",
    "Sent inline with the request; any size (the model fits it to the video).": "Wird mit der Anfrage gesendet; jede "
    "Größe (das Modell passt es an das Video an).",
    "Veo 3.1 renders 1080p and 4K only at 8 seconds.": "Veo 3.1 rendert 1080p und 4K nur mit 8 Sekunden.",
    "Veo 3.1 renders 1080p only at 8 seconds.": "Veo 3.1 rendert 1080p nur mit 8 Sekunden.",
    "Estimated from the catalogue; OpenRouter reports the billed cost once a job completes.": "Aus dem Katalog "
    "geschätzt; OpenRouter meldet die abgerechneten Kosten, sobald ein Auftrag fertig ist.",
    "OpenRouter video model catalogue (pricing_skus)": "Videomodell-Katalog von OpenRouter (pricing_skus)",
    "Kuaishou's premium Kling model: text or image to video, first and last frame control.": "Das Premium-Modell "
    "Kling von Kuaishou: Text oder Bild zu Video, mit erstem und letztem Bild.",
    "MiniMax's Hailuo 2.3: text or image to 1080p video.": "Hailuo 2.3 von MiniMax: Text oder Bild zu Video in 1080p.",
    "ByteDance's Seedance 2.0: text, image and multimodal reference to video.": "Seedance 2.0 von ByteDance: Text, "
    "Bild und multimodale Referenzen zu Video.",
    "ByteDance: Seedance 2.0 offers 9:21 only at 720p.": "ByteDance: Seedance 2.0 bietet 9:21 nur in 720p.",
    "Alibaba's Wan 2.6: 1080p video at 24 fps from text or an image.": "Wan 2.6 von Alibaba: Video in 1080p mit "
    "24 fps aus Text oder einem Bild.",
    # Gemini
    "Veo on the Gemini API was retired on 2026-10-22; Gemini Omni Flash (Interactions API) is Google's video path "
    "for an AI Studio key, on a paid-tier project. Prices are estimates: Google bills video tokens and its answers "
    "carry no cost.": "Veo wurde in der Gemini API am 2026-10-22 eingestellt; Gemini Omni Flash (Interactions API) "
    "ist Googles Weg zu Videos mit einem AI-Studio-Schlüssel, in einem Projekt mit kostenpflichtiger Stufe. Die "
    "Preise sind Schätzungen: Google berechnet Video-Tokens, und seine Antworten nennen keine Kosten.",
    "Google's current video model: 3–15 s, 360p to 4k, always with sound.": "Googles aktuelles Videomodell: 3–15 s, "
    "360p bis 4K, immer mit Ton.",
    "Images are sent first and bound to their roles by tags the app writes into the prompt (<FIRST_FRAME>, "
    "<LAST_FRAME>, <IMAGE_REF_n>). A last frame needs a first frame; a video with both is at most 10 s. Up to 6 "
    "reference images (people, objects, styles).": "Bilder werden zuerst gesendet und über Markierungen, die die "
    "App in den Prompt schreibt, ihren Rollen zugeordnet (<FIRST_FRAME>, <LAST_FRAME>, <IMAGE_REF_n>). Ein letztes "
    "Bild braucht ein erstes Bild; ein Video mit beiden dauert höchstens 10 s. Bis zu 6 Referenzbilder (Personen, "
    "Objekte, Stile).",
    "Images are sent first and bound to their roles by tags the app writes into the prompt (<FIRST_FRAME>, "
    "<LAST_FRAME>, <IMAGE_REF_n>). A last frame needs a first frame; a video with both is at most 10 s.": "Bilder "
    "werden zuerst gesendet und über Markierungen, die die App in den Prompt schreibt, ihren Rollen zugeordnet "
    "(<FIRST_FRAME>, <LAST_FRAME>, <IMAGE_REF_n>). Ein letztes Bild braucht ein erstes Bild; ein Video mit beiden "
    "dauert höchstens 10 s.",
    "With a first and a last frame, Gemini Omni 1.2 Flash makes at most 10 s.": "Mit erstem und letztem Bild "
    "erzeugt Gemini Omni 1.2 Flash höchstens 10 s.",
    "Estimates only: Gemini's responses carry no cost. 1.2's low end is inferred at about 0.7× the 1.1 rate.": "Nur "
    "Schätzungen: Die Antworten von Gemini nennen keine Kosten. Das untere Ende für 1.2 ist mit etwa 0,7 × dem Preis "
    "von 1.1 abgeleitet.",
    "Third-party reports of Gemini Omni Flash prices (fal's tiers for 1.1; 1.2 reported lower)": "Berichte Dritter "
    "über die Preise von Gemini Omni Flash (Stufen von fal für 1.1; 1.2 günstiger gemeldet)",
    "The earlier Omni: 3–10 s, first and last frames, extend.": "Das frühere Omni: 3–10 s, erstes und letztes Bild, "
    "Verlängern.",
    "Retired by Google on 2026-09-30 (the API answers 404 “… is no longer available”).": "Von Google am 2026-09-30 "
    "eingestellt (die API antwortet 404 „… is no longer available“).",
    "Retired by Google on 2026-10-22 (the API answers 404 “… is no longer available”).": "Von Google am 2026-10-22 "
    "eingestellt (die API antwortet 404 „… is no longer available“).",
    # OpenAI Videos (for OpenAI-compatible gateways)
    "OpenAI shut the Sora 2 Videos API down on 2026-09-24. Real renders need an OpenAI-compatible endpoint; demo "
    "mode uses the built-in simulator.": "OpenAI hat die Sora-2-Videos-API am 2026-09-24 abgeschaltet. Echte "
    "Renderings brauchen einen OpenAI-kompatiblen Endpunkt; der Demomodus nutzt den eingebauten Simulator.",
    "Fast, good for drafts and social clips.": "Schnell, gut für Entwürfe und Social-Media-Clips.",
    "It becomes the first frame, resized to the video size (choose crop or fit). Images that contain human faces "
    "are rejected.": "Es wird das erste Bild, auf die Videogröße gebracht (Zuschneiden oder Einpassen wählen). Bilder "
    "mit menschlichen Gesichtern werden abgelehnt.",
    "OpenAI API pricing page (Sora 2 Videos API)": "Preisseite der OpenAI API (Sora-2-Videos-API)",
    "Higher fidelity and larger sizes; slower and dearer.": "Höhere Detailtreue und größere Formate; langsamer und "
    "teurer.",
}
