"""Analyse a partner's message, print what to say back, and review a drafted reply."""

import listenwell

message = "I've been so stressed at work and it feels like you don't even notice"

analysis = listenwell.analyze(message)
print("dominant feeling:", analysis.dominant)
print("feelings:", [(e.family, e.text) for e in analysis.emotions])
print("topics:", analysis.topics, "needs:", analysis.needs)

listening = listenwell.listen(message)
print("mode:", listening.mode)
for s in listening.suggestions:
    print(f"  [{s.kind}] {s.text}")

review = listenwell.review("Why are you always so stressed? You should quit.", message=message)
for flag in review.flags:
    print(f"  {flag.kind}: {flag.text!r} -> {flag.suggestion}")
