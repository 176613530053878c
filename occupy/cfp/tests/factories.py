import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from occupy.cfp.models import (
    Call,
    CallQuestion,
    ReviewCriterion,
    Submission,
    SubmissionSpeaker,
    SubmissionState,
)
from occupy.editions.tests.factories import EditionFactory, SessionFormatFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("pw-long-enough-1")


class CallFactory(factory.django.DjangoModelFactory):
    """An open call: opened yesterday, closes in thirty days."""

    class Meta:
        model = Call

    edition = factory.SubFactory(EditionFactory)
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    guidance = "Tell us what your library did, for whom, and what others can learn from it."


class CallQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallQuestion

    call = factory.SubFactory(CallFactory)
    label = factory.Sequence(lambda n: f"Question {n}")


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A submitted contribution with its submitter as first speaker."""

    class Meta:
        model = Submission
        skip_postgeneration_save = True

    edition = factory.SubFactory(EditionFactory)
    title = factory.Sequence(lambda n: f"Contribution {n}")
    abstract = "What we did, for whom, and what we learnt."
    format = factory.SubFactory(SessionFormatFactory, edition=factory.SelfAttribute("..edition"))
    submitter = factory.SubFactory(UserFactory)
    state = SubmissionState.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def with_submitter_as_speaker(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            SubmissionSpeaker.objects.create(
                submission=obj,
                name=obj.submitter.get_full_name() or obj.submitter.username,
                email=obj.submitter.email,
                is_submitter=True,
            )


class SubmissionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubmissionSpeaker

    submission = factory.SubFactory(SubmissionFactory)
    name = factory.Sequence(lambda n: f"Co-speaker {n}")
    email = factory.Sequence(lambda n: f"cospeaker{n}@example.org")
    order = 1


class ReviewCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewCriterion

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 1
