/** A body's edited 政府信息公开指南; a body without a row shows the default made from the site's contact lines. */
export interface PortalGuidesTable {
  organization_id: number;
  /** JSON of `GuideContent`. */
  content: string;
  /** 1 on first save, +1 on each save: a save from an older form is refused. */
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface GuideTables {
  portal_guides: PortalGuidesTable;
}
