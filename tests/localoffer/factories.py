import factory
from django.utils.text import slugify

from localoffer.models import AreaOfNeed, Category, Contact, Location, Organisation, Service
from localoffer.needs import ensure_areas_of_need


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Provider {n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "Support for families."
    status = Service.Status.ACTIVE
    assured_date = factory.Faker("date_between", start_date="-6M", end_date="today")

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create:
            self.categories.set(extracted or [CategoryFactory(name="Health and wellbeing")])

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        if create and extracted:
            self.needs.set(extracted)

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    service = factory.SubFactory(ServiceFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    email = factory.Sequence(lambda n: f"contact{n}@provider.example")


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    service = factory.SubFactory(ServiceFactory)
    name = factory.Sequence(lambda n: f"Centre {n}")
    postcode = "CM1 1AA"


def need(slug: str) -> AreaOfNeed:
    """One of the four areas of need (recreated if a transactional test flushed the table)."""
    ensure_areas_of_need()
    return AreaOfNeed.objects.get(slug=slug)
