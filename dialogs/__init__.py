"""botbuilder-dialogs flows: clarifying questions and multi-step forms."""
