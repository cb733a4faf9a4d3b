/*
 * Bulk steps say how many records they act on: a button with data-selected-in="<table id>" puts
 * the number of ticked rows into the confirmation dialog's .xuke-selected-count once it shows.
 * No inline script (the pages' CSP allows scripts by nonce or from this origin only).
 */
document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-selected-in]') : null;
    if (!button) {
        return;
    }
    var table = document.getElementById(button.getAttribute('data-selected-in'));
    var count = table ? table.querySelectorAll('tbody tr[aria-selected="true"]').length : 0;
    // the dialog writes its message while handling this click: fill the number in right after
    setTimeout(function () {
        document.querySelectorAll('.xuke-selected-count').forEach(function (span) {
            span.textContent = String(count);
        });
    }, 0);
}, true);

/*
 * PrimeFaces' skinned file upload hides the real file input from assistive technology behind a
 * button that has the focus; the hidden input must then not be reachable by Tab either.
 */
function xukeHideSkinnedFileInputs() {
    document.querySelectorAll('input[type="file"][aria-hidden="true"]').forEach(function (input) {
        input.setAttribute('tabindex', '-1');
    });
}
document.addEventListener('DOMContentLoaded', xukeHideSkinnedFileInputs);
