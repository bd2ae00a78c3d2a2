/* Copyright 2026 ChatwootAI
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const noErrorDialog = {
    content: "No error dialog is shown",
    trigger: "body:not(:has(.o_error_dialog))",
};

function backToInbox() {
    return {
        content: "Back to the Social Inbox",
        trigger: ".o_breadcrumb .breadcrumb-item a:contains(Social Inbox)",
        run: "click",
    };
}

function openComment(body) {
    return {
        content: `Open the comment "${body}"`,
        trigger: `.o_data_row:contains(${body}) .o_data_cell[name='body']`,
        run: "click",
    };
}

function selectRow(body) {
    return {
        content: `Select the comment "${body}"`,
        trigger: `.o_data_row:contains(${body}) .o_list_record_selector input`,
        run: "click",
    };
}

tours.add("chatwoot_ai_social_form_hide_escalate_ignore", {
    steps: () => [
        {
            content: "The spam comment is open",
            trigger: ".o_form_view .o_field_widget[name='body']:contains(Compre seguidores)",
        },
        {
            content: "Hide it on the platform",
            trigger: ".o_form_view button[name='action_hide']",
            run: "click",
        },
        {
            content: "The hide is queued: the notification says so",
            trigger: ".o_notification:contains(1 comment(s) will be hidden)",
        },
        backToInbox(),
        openComment("Quero falar com o gerente"),
        {
            content: "Escalate it to a person",
            trigger: ".o_form_view button[name='action_escalate']",
            run: "click",
        },
        {
            content: "The comment is escalated",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Escalated)",
        },
        backToInbox(),
        openComment("Só passando"),
        {
            content: "Ignore it",
            trigger: ".o_form_view button[name='action_ignore']",
            run: "click",
        },
        {
            content: "The comment is ignored",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Ignored)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_social_publish_retry", {
    steps: () => [
        {
            content: "The form shows why publishing failed",
            trigger: ".o_form_view .alert-danger:contains(Temporary Graph outage)",
        },
        {
            content: "Publish again",
            trigger: ".o_form_view button[name='action_publish']",
            run: "click",
        },
        {
            content: "The reply is approved again and the error is gone",
            trigger: ".o_form_view:not(:has(.alert-danger:visible)) .o_statusbar_status .o_arrow_button_current:contains(Approved)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_social_bulk_escalate", {
    steps: () => [
        selectRow("Bulk um"),
        selectRow("Bulk dois"),
        {
            content: "Escalate them in bulk",
            trigger: ".o_list_view button[name='action_escalate']",
            run: "click",
        },
        {
            content: "Both are escalated",
            trigger: ".o_data_row:contains(Bulk dois) .o_field_badge:contains(Escalated)",
        },
        {
            content: "The first one too",
            trigger: ".o_data_row:contains(Bulk um) .o_field_badge:contains(Escalated)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_social_bulk_ignore", {
    steps: () => [
        selectRow("Bulk um"),
        selectRow("Bulk dois"),
        {
            content: "Ignore them in bulk",
            trigger: ".o_list_view button[name='action_ignore']",
            run: "click",
        },
        {
            content: "Ignored, they leave the comments waiting for a reply",
            trigger:
                ".o_list_view:not(:has(.o_data_row:contains(Bulk um))):not(:has(.o_data_row:contains(Bulk dois))):has(.o_data_row:contains(Bulk tres))",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_social_bulk_hide", {
    steps: () => [
        selectRow("Bulk um"),
        selectRow("Bulk dois"),
        {
            content: "Hide them in bulk",
            trigger: ".o_list_view button[name='action_hide']",
            run: "click",
        },
        {
            // The list reloads afterwards and need not keep the selection: the notification,
            // shown once the server answered, is what proves the call went through.
            content: "The hides are queued: the notification says so",
            trigger: ".o_notification:contains(2 comment(s) will be hidden)",
            timeout: 30000,
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_social_account_buttons", {
    steps: () => [
        {
            content: "The account form shows its callback URL",
            trigger: ".o_form_view div[name='callback_url']",
        },
        {
            content: "Regenerate the callback URL",
            trigger: ".o_form_view button[name='action_regenerate_webhook_token']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The chatter says the URL was regenerated",
            trigger: ".o-mail-Message:contains(Callback URL regenerated)",
        },
        {
            content: "View the comments of the account",
            trigger: ".o_form_view button[name='action_view_comments']",
            run: "click",
        },
        {
            content: "Its comments are listed",
            trigger: ".o_list_view .o_data_row:contains(Comentário da conta)",
        },
        {
            content: "The comments of the other accounts are not",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Outra conta)))",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_social_suggestion_list_accept_form_reject", {
    steps: () => [
        {
            content: "Accept the suggestion from the list",
            trigger: ".o_data_row:contains(Duda Tour Duplicada) button[name='action_accept']",
            run: "click",
        },
        {
            content: "Confirm the merge",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "It leaves the list of suggestions to decide",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Duda Tour Duplicada)))",
        },
        {
            content: "Open the other suggestion",
            trigger: ".o_data_row:contains(Enzo Tour Duplicado) td.o_data_cell",
            run: "click",
        },
        {
            content: "Reject it from the form",
            trigger: ".o_form_view button[name='action_reject']",
            run: "click",
        },
        {
            content: "The suggestion is rejected",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Rejected)",
        },
        noErrorDialog,
    ],
});
