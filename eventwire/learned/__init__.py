"""Learned components: a sentence encoder run in numpy and the event typer trained on our own sentences."""
