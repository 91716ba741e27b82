"""The pages: the web chat, the tool pages, the widget, facilitator pages and statements."""
