import type { HeatmapDevice } from '../../api-types';
import { DEVICES } from '../../heatmaps/query';
import { IconDesktop, IconMobile, IconTablet } from '../icons';

const ICONS: Partial<Record<HeatmapDevice, typeof IconDesktop>> = { desktop: IconDesktop, tablet: IconTablet, mobile: IconMobile };

/** Desktop / tablet / mobile / all: heatmaps never mix layouts unless "all devices" is chosen. */
export function DevicePicker({ value, onChange, id = 'device-picker' }: { value: HeatmapDevice; onChange: (device: HeatmapDevice) => void; id?: string }) {
  return (
    <div class="segmented" role="group" aria-label="Device" id={id}>
      {DEVICES.map((d) => {
        const Icon = ICONS[d.value];
        return (
          <button
            key={d.value}
            type="button"
            id={`${id}-${d.value}`}
            class={value === d.value ? 'active' : ''}
            aria-pressed={value === d.value}
            title={d.value === 'all' ? 'Every device class together: layouts differ, so points may not line up' : `${d.label} visits only`}
            onClick={() => onChange(d.value)}
          >
            {Icon ? <Icon size={14} /> : null}
            {d.label}
          </button>
        );
      })}
    </div>
  );
}
