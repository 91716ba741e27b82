"""The gate's word features match scikit-learn's TfidfVectorizer, which trained them."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from app.gate.training import fit_words

TEXTS = [
    "He is still outside the house and nobody has called the police",
    "The police found her this morning and she is home safe",
    "this audit is killing me, honestly, killing me",
    "What does the law say about sharing her records with the school?",
    "The police are still looking; she is not home",
]


def test_transform_equals_the_vectorizer_it_was_fitted_from() -> None:
    words = fit_words(TEXTS, scale=1.0)
    reference = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(TEXTS)
    for text in [*TEXTS, "police still outside, killing me"]:
        expected = reference.transform([text]).toarray()[0]
        assert np.allclose(words.transform(text), expected, atol=1e-6)


def test_scale_multiplies_and_unknown_words_give_zeros() -> None:
    words = fit_words(TEXTS, scale=3.0)
    assert not words.transform("entirely unrelated vocabulary").any()
    row = words.transform("the police")
    assert np.isclose(np.linalg.norm(row), 3.0)
