"""The prompt library: the prompt files under prompts/ and the variables each expects."""
