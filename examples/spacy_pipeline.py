"""Use listenwell as a spaCy component: span groups for feelings and cues, results under doc._.listenwell."""

import spacy

nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
nlp.add_pipe("listenwell")  # found through the spacy_factories entry point

for doc in nlp.pipe(["My sister didn't invite me to her wedding.", "We're having a baby!!"]):
    print(doc.text)
    print("  emotions:", [(span.text, span.label_) for span in doc.spans["emotions"]])
    print("  cues:", [(span.text, span.label_) for span in doc.spans["cues"]])
    print("  first suggestion:", doc._.listenwell.listening.suggestions[0].text)
