"""One module per route; each view renders state and sends intents, nothing else."""
