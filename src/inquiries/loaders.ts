import { defineLoader } from '../graphql/loaders.js';
import { linksOfInquiries, type InquiryLinks } from './repository.js';

/** An inquiry's relationships, for a whole page in one round trip. */
export const inquiryLinks = defineLoader<string, InquiryLinks>(linksOfInquiries);
