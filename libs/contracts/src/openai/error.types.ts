/** The error envelope every OpenAI endpoint (and so every `/v1/*` route) answers with. */
export interface OpenAIErrorObject {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

export interface OpenAIErrorBody {
  error: OpenAIErrorObject;
}
