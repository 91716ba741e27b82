"""The learned word features (the gate's and the tool classifier's) match scikit-learn's
TfidfVectorizer, which fitted them, and survive their JSON form."""

from __future__ import annotations

import json

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from app.components.word_features import WordFeatures, fit_word_features

TEXTS = [
    "He is still outside the house and nobody has called the police",
    "The police found her this morning and she is home safe",
    "this audit is killing me, honestly, killing me",
    "What does the law say about sharing her records with the school?",
    "The police are still looking; she is not home",
]


def test_transform_equals_the_vectorizer_it_was_fitted_from() -> None:
    words = fit_word_features(TEXTS, scale=1.0)
    reference = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(TEXTS)
    for text in [*TEXTS, "police still outside, killing me"]:
        expected = reference.transform([text]).toarray()[0]
        assert np.allclose(words.transform(text), expected, atol=1e-6)


def test_scale_multiplies_and_unknown_words_give_zeros() -> None:
    words = fit_word_features(TEXTS, scale=3.0)
    assert not words.transform("entirely unrelated vocabulary").any()
    row = words.transform("the police")
    assert np.isclose(np.linalg.norm(row), 3.0)


def test_the_features_survive_json() -> None:
    words = fit_word_features(TEXTS, scale=2.0)
    again = WordFeatures.from_json(json.loads(json.dumps(words.to_json())))
    assert again.vocabulary == words.vocabulary and again.scale == words.scale
    assert np.allclose(again.transform(TEXTS[0]), words.transform(TEXTS[0]), atol=1e-5)
