import type { DeviceClass } from '../api-types';
import { deviceName } from '../format';
import { IconDesktop, IconDeviceOther, IconMobile, IconTablet } from './icons';

export function DeviceIcon({ device, size = 16 }: { device: DeviceClass | null; size?: number }) {
  const title = deviceName(device);
  switch (device) {
    case 'DESKTOP': return <IconDesktop size={size} title={title} />;
    case 'TABLET': return <IconTablet size={size} title={title} />;
    case 'MOBILE': return <IconMobile size={size} title={title} />;
    default: return <IconDeviceOther size={size} title={title} />;
  }
}
