// The episode player: seeks on timestamp links without reloading, and tells the server what the
// listener heard (PLAY, PROGRESS, COMPLETE) with the page's CSRF token. Without this script the
// links still work: they reload the page, and the audio's #t= media fragment starts it there.
(function () {
  'use strict';
  var player = document.getElementById('player');
  if (!player) {
    return;
  }

  var start = Number(new URLSearchParams(window.location.search).get('t'));
  if (start > 0) {
    // Not every browser honours the media fragment; set the time once the metadata is known.
    var seekToStart = function () {
      if (Math.abs(player.currentTime - start) > 1) {
        player.currentTime = start;
      }
    };
    if (player.readyState >= 1) {
      seekToStart();
    } else {
      player.addEventListener('loadedmetadata', seekToStart, { once: true });
    }
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.seek[data-t]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    player.currentTime = Number(link.getAttribute('data-t'));
    player.play().catch(function () { /* the listener can press play */ });
    player.focus();
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, '', link.getAttribute('href'));
    }
  });

  var endpoint = player.getAttribute('data-events');
  var token = document.getElementById('player-csrf');
  if (!endpoint || !token) {
    return; // anonymous listeners are not tracked
  }

  function send(type, position) {
    var body = new URLSearchParams();
    body.append(token.name, token.value);
    body.append('type', type);
    if (position !== undefined) {
      body.append('positionSeconds', String(Math.floor(position)));
    }
    // keepalive lets the last event of a page that is being left still arrive.
    fetch(endpoint, { method: 'POST', body: body, credentials: 'same-origin', keepalive: true })
      .catch(function () { /* a lost event only makes recommendations a little less informed */ });
  }

  var played = false;
  var listened = 0; // seconds of playing since the last PROGRESS
  var last = null;
  var REPORT_EVERY = 30;

  player.addEventListener('play', function () {
    if (!played) {
      played = true;
      send('PLAY');
    }
    last = player.currentTime;
  });
  player.addEventListener('timeupdate', function () {
    if (player.paused || last === null) {
      return;
    }
    var step = player.currentTime - last;
    last = player.currentTime;
    if (step > 0 && step < 5) { // a seek is not listening
      listened += step;
    }
    if (listened >= REPORT_EVERY) {
      listened = 0;
      send('PROGRESS', player.currentTime);
    }
  });
  player.addEventListener('pause', function () {
    if (!player.ended) {
      listened = 0;
      send('PROGRESS', player.currentTime);
    }
  });
  player.addEventListener('ended', function () {
    listened = 0;
    send('COMPLETE', player.currentTime);
  });
})();
