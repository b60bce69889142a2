import { useChannels } from '../../channels/api/channels';

/** Which alert channels the site notifies, besides the default ones. */
export function ChannelsFieldset({ selected, onChange, errors }: { selected: string[]; onChange: (ids: string[]) => void; errors?: string[] }) {
  const channels = useChannels();
  return (
    <fieldset>
      <legend>Alert channels</legend>
      {errors && <p className="field-error">{errors.join(' ')}</p>}
      {channels.data?.length ? channels.data.map((channel) => (
        <div key={channel.id} className="row">
          <input type="checkbox" id={`channel-${channel.id}`} checked={selected.includes(channel.id)}
            onChange={(e) => onChange(e.target.checked ? [...selected, channel.id] : selected.filter((id) => id !== channel.id))} />
          <label htmlFor={`channel-${channel.id}`} style={{ margin: 0, fontWeight: 400 }}>{channel.name} ({channel.kind}{channel.isDefault ? ', default for every site' : ''})</label>
        </div>
      )) : <p className="muted">No alert channels yet; default channels notify for every site.</p>}
    </fieldset>
  );
}
