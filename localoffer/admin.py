from django.contrib import admin

from .models import (
    AreaOfNeed,
    Category,
    Contact,
    Feedback,
    Location,
    Organisation,
    ReviewRequest,
    SelfEvaluation,
    SenReportReview,
    Service,
)

admin.site.register([AreaOfNeed, Category, Organisation, SelfEvaluation, SenReportReview])


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "status", "assured_date"]
    list_filter = ["status", "categories"]
    search_fields = ["name", "description"]
    inlines = [ContactInline, LocationInline]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["received_at", "status", "service"]
    list_filter = ["status"]


@admin.register(ReviewRequest)
class ReviewRequestAdmin(admin.ModelAdmin):
    list_display = ["email", "month", "sent_at"]
    list_filter = ["month"]
