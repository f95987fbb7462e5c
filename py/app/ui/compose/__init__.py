"""The parts of New Render: image slots, the pickers of a model's choices, the estimate."""
