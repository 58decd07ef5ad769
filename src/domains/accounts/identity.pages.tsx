import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'

export async function identityPages(_app: FastifyInstance, _services: AppServices) {}
