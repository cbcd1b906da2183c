"""Full-screen steps: start, introduction, principle, questions, recommendation, review, help."""
