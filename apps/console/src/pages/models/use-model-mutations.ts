import type { CreateDeployment, CreateModel, DeploymentView, ModelView, UpdateDeployment, UpdateModel } from '@ai-router/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';

export function useModelMutations(orgId: string) {
  const invalidate = useInvalidate();
  const onSettled = () => invalidate(orgKeys.models(orgId));
  const models = (path = '') => orgApi(orgId, `/models${path}`);
  return {
    createModel: useMutation({ mutationFn: (body: CreateModel) => api.post<ModelView>(models(), body), onSettled }),
    updateModel: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateModel }) => api.patch<ModelView>(models(`/${id}`), body),
      onSettled,
    }),
    deleteModel: useMutation({ mutationFn: (id: string) => api.delete(models(`/${id}`)), onSettled }),
    addDeployment: useMutation({
      mutationFn: ({ modelId, body }: { modelId: string; body: CreateDeployment }) => api.post<DeploymentView>(models(`/${modelId}/deployments`), body),
      onSettled,
    }),
    updateDeployment: useMutation({
      mutationFn: ({ modelId, id, body }: { modelId: string; id: string; body: UpdateDeployment }) =>
        api.patch<DeploymentView>(models(`/${modelId}/deployments/${id}`), body),
      onSettled,
    }),
    removeDeployment: useMutation({
      mutationFn: ({ modelId, id }: { modelId: string; id: string }) => api.delete(models(`/${modelId}/deployments/${id}`)),
      onSettled,
    }),
  };
}

export type ModelMutations = ReturnType<typeof useModelMutations>;
