import { MaintenanceWindowEntity } from '@hopwatch/db';
import { MaintenanceWindowResponse } from './dto/maintenance-window.dto';

export function toMaintenanceWindowResponse(window: MaintenanceWindowEntity): MaintenanceWindowResponse {
  return {
    id: window.id,
    name: window.name,
    siteIds: window.siteIds,
    tags: window.tags,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    managedBy: window.managedBy,
    createdAt: window.createdAt.toISOString(),
  };
}
