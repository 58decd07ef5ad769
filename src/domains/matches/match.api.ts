import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'

export async function matchApi(_base: FastifyInstance, _services: AppServices) {}
