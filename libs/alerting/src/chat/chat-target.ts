// Where a chat-style notice goes: one variant per service, with the secrets each needs.
export const CHAT_KINDS = ['slack', 'teams', 'discord', 'telegram', 'pagerduty', 'ntfy'] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export type ChatTarget =
  /** The incoming-webhook URL is the secret. */
  | { kind: 'slack'; url: string }
  /** The Workflows ("Post to a channel when a webhook request is received") URL is the secret. */
  | { kind: 'teams'; url: string }
  | { kind: 'discord'; url: string }
  | { kind: 'telegram'; botToken: string; chatId: string }
  | { kind: 'pagerduty'; routingKey: string }
  /** `url` is the ntfy server (`https://ntfy.sh` or a self-hosted one); `token` an optional access token. */
  | { kind: 'ntfy'; url: string; topic: string; token: string | null };

/** Service endpoints that are not per channel, configurable for self-hosted proxies and loopback tests. */
export type ChatEndpoints = {
  /** Telegram Bot API base, default `https://api.telegram.org`. */
  telegramApiUrl: string;
  /** PagerDuty Events API v2 enqueue URL, default `https://events.pagerduty.com/v2/enqueue`. */
  pagerdutyEventsUrl: string;
};

/** One HTTP POST of a JSON body: what a renderer produces and the chat channel sends. */
export type ChatRequest = { url: string; body: unknown; headers?: Record<string, string> };
