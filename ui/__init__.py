"""Byline's faces: the command line, the Gradio chat and the HTTP API. No answering logic here."""
