import { Controller, Get } from '@nestjs/common';
import { PROVIDER_KINDS } from '@ai-router/contracts';
import { defaultBaseUrl, listVendorPresets, type VendorPresetSummary } from '@ai-router/providers';
import { Authenticated } from '../auth/authenticated.decorator';

interface ProviderCatalogue {
  kinds: { kind: (typeof PROVIDER_KINDS)[number]; defaultBaseUrl: string | null }[];
  vendors: VendorPresetSummary[];
}

/** What an admin can pick when adding a provider: the families and the OpenAI-compatible vendor presets. */
@Controller('api/provider-presets')
export class ProviderPresetsController {
  @Get()
  @Authenticated()
  list(): ProviderCatalogue {
    return { kinds: PROVIDER_KINDS.map((kind) => ({ kind, defaultBaseUrl: defaultBaseUrl(kind) })), vendors: listVendorPresets() };
  }
}
