// The partner registry (合作机构), as the server documents it (docs/api.md).
import type { PartnerKind, PartnerOperation } from '@fayuan/domain';
import type { ApiRequestBody, ApiResponse, ApiSchemas } from './openapi';
import type { ListParams } from './types';

export type { PartnerKind, PartnerOperation };
export type Partner = ApiSchemas['Partner'];
export type PartnerDetail = ApiResponse<'getPartnersById'>;
export type PartnerKey = PartnerDetail['keys'][number];
export type CreatedPartner = ApiResponse<'postPartners', 201>;
export type CreatePartnerInput = ApiRequestBody<'postPartners'>;
export type UpdatePartnerInput = ApiRequestBody<'patchPartnersById'>;
export type RotatedKey = ApiResponse<'postPartnersByIdKeys', 201>;
export type PartnerRequestPage = ApiResponse<'getPartnersByIdRequests'>;
export type PartnerRequest = PartnerRequestPage['items'][number];
export type PartnerDeliveryPage = ApiResponse<'getPartnersByIdDeliveries'>;
export type PartnerDelivery = PartnerDeliveryPage['items'][number];

export interface PartnerListParams extends ListParams {
  q?: string;
  kind?: PartnerKind;
  active?: 'true' | 'false';
}
