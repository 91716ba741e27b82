"""The gate: one decision before coaching (escalate, decline, coach with a safety line, coach)."""
