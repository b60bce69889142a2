// The server's configuration as a hopwatch.yaml document: applying it again changes nothing.
import { channelFileEntry, channelSpecFromRemote } from './channel-spec';
import { CONFIG_FILE_VERSION, ConfigFile } from './config-file';
import { nameLookup } from './plan';
import { RemoteState } from './remote-state';
import { statusPageFileEntry, statusPageSpecFromRemote } from './status-page-spec';
import { siteFileEntry, siteSpecFromRemote } from './site-spec';
import { windowFileEntry, windowSpecFromRemote } from './window-spec';

export function exportConfig(remote: RemoteState): ConfigFile {
  const channelName = nameLookup(remote.channels);
  const siteName = nameLookup(remote.sites);
  const file: ConfigFile = { version: CONFIG_FILE_VERSION };
  if (remote.channels.length) file.alertChannels = remote.channels.map((channel) => channelFileEntry(channelSpecFromRemote(channel)));
  if (remote.sites.length) file.sites = remote.sites.map((site) => siteFileEntry(siteSpecFromRemote(site, channelName)));
  if (remote.windows.length) file.maintenanceWindows = remote.windows.map((window) => windowFileEntry(windowSpecFromRemote(window, siteName)));
  if (remote.statusPages.length) file.statusPages = remote.statusPages.map((page) => statusPageFileEntry(statusPageSpecFromRemote(page, siteName)));
  return file;
}

