"""Kept only for the test modules not yet importing devtools.stand_in_provider directly."""

from devtools.stand_in_provider import Behaviour as Behaviour
from devtools.stand_in_provider import StandInProvider as StandInProvider
from devtools.stand_in_provider import running_provider as running_provider
