// Streams the chat's answer into the page. Without this script the form posts and the page reloads with
// the answer; with it, the words appear as the server sends them (server-sent events over fetch, since
// EventSource cannot POST), then the checked answer replaces them.
(function () {
  'use strict';
  var form = document.getElementById('ask-form');
  var conversation = document.getElementById('conversation');
  if (!form || !conversation || !window.fetch || !window.TextDecoder) {
    return;
  }
  var box = document.getElementById('ask-message');
  var button = form.querySelector('button[type=submit]');

  function showError(text) {
    var error = document.getElementById('ask-error');
    if (!error) {
      error = document.createElement('p');
      error.id = 'ask-error';
      error.className = 'error';
      error.setAttribute('role', 'alert');
      form.insertBefore(error, box.previousElementSibling);
    }
    error.textContent = text;
  }

  function conversationIdInput() {
    var input = form.querySelector('input[name=conversationId]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'conversationId';
      form.appendChild(input);
    }
    return input;
  }

  // The page's own rendering of the conversation, so that streamed text ends as the no-script page shows it.
  function showConversation(id) {
    return fetch('/ask?c=' + encodeURIComponent(id), { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.getElementById('conversation');
        if (fresh) {
          conversation.innerHTML = fresh.innerHTML;
        }
        history.replaceState(null, '', '/ask?c=' + encodeURIComponent(id));
      });
  }

  function pending(message) {
    var item = document.createElement('li');
    item.className = 'exchange';
    var question = document.createElement('p');
    question.className = 'question';
    question.textContent = message;
    var answer = document.createElement('div');
    answer.className = 'answer';
    answer.setAttribute('aria-busy', 'true');
    var text = document.createElement('p');
    answer.appendChild(text);
    item.appendChild(question);
    item.appendChild(answer);
    conversation.appendChild(item);
    return text;
  }

  function handle(event, text) {
    if (event.type === 'start') {
      conversationIdInput().value = event.conversationId;
    } else if (event.type === 'token') {
      text.textContent += event.text;
    } else if (event.type === 'done') {
      return showConversation(event.conversationId);
    }
    return null;
  }

  form.addEventListener('submit', function (submit) {
    var message = box.value.trim();
    if (!message) {
      return;
    }
    submit.preventDefault();
    var idInput = form.querySelector('input[name=conversationId]');
    var body = JSON.stringify({ message: message, conversationId: idInput ? idInput.value : null });
    button.disabled = true;
    var text = pending(message);
    var finished = null;
    fetch(form.dataset.stream, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
      body: body
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (problem) {
          text.closest('li').remove();
          showError(problem.detail || form.dataset.connectionLost);
        });
      }
      box.value = '';
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffered = '';
      function read() {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            return finished;
          }
          buffered += decoder.decode(chunk.value, { stream: true });
          var events = buffered.split('\n\n');
          buffered = events.pop();
          events.forEach(function (raw) {
            var data = raw.split('\n').filter(function (line) { return line.indexOf('data:') === 0; })
              .map(function (line) { return line.slice(5).replace(/^ /, ''); }).join('\n');
            if (data) {
              finished = handle(JSON.parse(data), text) || finished;
            }
          });
          return read();
        });
      }
      return read();
    }).catch(function () {
      showError(form.dataset.connectionLost);
    }).then(function () {
      button.disabled = false;
      box.focus();
    });
  });
})();
