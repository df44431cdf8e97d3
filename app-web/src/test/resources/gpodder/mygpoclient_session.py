"""Drives a Wavelength server with Debian's mygpoclient (the library gPodder itself uses).

Usage: mygpoclient_session.py ROOT USER PASSWORD FEED_URL EPISODE_URL
Prints one "key=value" line per step; the Java test asserts on them.
"""
import sys

from mygpoclient import api

root, user, password, feed, episode = sys.argv[1:6]
client = api.MygPodderClient(user, password, root)

print("device_saved=%s" % client.update_device_settings("gpo-laptop", caption="gPodder on the laptop", type="laptop"))
devices = client.get_devices()
print("devices=%s" % ",".join("%s:%s:%s" % (d.device_id, d.caption, d.type) for d in devices))

result = client.update_subscriptions("gpo-laptop", [feed], [])
print("update_since=%d" % result.since)
print("update_urls=%s" % result.update_urls)
changes = client.pull_subscriptions("gpo-laptop", 0)
print("pulled_add=%s" % ",".join(changes.add))
print("pulled_since=%d" % changes.since)
print("simple_put=%s" % client.put_subscriptions("gpo-phone", [feed]))
print("simple_get=%s" % ",".join(client.get_subscriptions("gpo-phone")))

# mygpoclient sends no guid: the episode is matched by its media URL.
action = api.EpisodeAction(feed, episode, "play", device="gpo-laptop", timestamp="2026-01-02T03:04:05",
                           started=0, position=1190, total=1200)
print("upload_since=%d" % client.upload_episode_actions([action]))
print("upload_again_since=%d" % client.upload_episode_actions([action]))
downloaded = client.download_episode_actions(0)
print("downloaded=%s" % ";".join("%s|%s|%s|%s" % (a.episode, a.action, a.position, a.device) for a in downloaded.actions))
print("done=true")
