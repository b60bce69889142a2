import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, registerDecorator, ValidationArguments } from 'class-validator';
import { BACKEND_NAME } from '@hopwatch/domain';
import { IsConnectTo } from '../../common/validators';

/** One server behind a load balancer hop. */
export class BackendDto {
  @ApiProperty({ example: '10.0.0.21:8080', description: 'Where the balancer sends requests; probed directly with the hop URL\'s Host and SNI' })
  @IsConnectTo()
  address!: string;

  @ApiPropertyOptional({ example: 'app-2', description: 'Shown in diagnoses; default: the address' })
  @IsOptional()
  @IsString()
  @Matches(BACKEND_NAME, { message: 'name must be 1-15 letters, digits, ".", "_" or "-"' })
  name?: string;
}

/** `backends` only make sense on an http(s) load_balancer hop. */
export function OnlyOnHttpLoadBalancers() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'onlyOnHttpLoadBalancers',
      target: target.constructor,
      propertyName,
      options: { message: (args: ValidationArguments) => `${args.property} is only allowed on an http(s) hop with role load_balancer` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          if (value === undefined) return true;
          const hop = args.object as { role?: string; url?: string };
          return hop.role === 'load_balancer' && typeof hop.url === 'string' && /^https?:/i.test(hop.url);
        },
      },
    });
}
